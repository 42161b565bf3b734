using System.IO.Compression;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Writes changes as a compressed layer straight into the content store, hashing the compressed bytes (the blob digest)
/// and the uncompressed tar (the diffID) in the same single pass.
/// </summary>
internal static class LayerDiffer
{
    private const int BufferSize = 1 << 20;

    public static async Task<LayerDiffResult> WriteAsync(
        ContentStore store,
        IEnumerable<Change> changes,
        LayerDiffOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var writer = store.OpenWriter();
        await using (writer.ConfigureAwait(false))
        {
            var compressor = Compress(writer, options);
            var hashing = new HashingStream(compressor ?? writer, leaveOpen: true);
            int entries;
            Digest diffId;
            long uncompressed;
            try
            {
                var buffered = new BufferedStream(hashing, BufferSize);
                await using (buffered.ConfigureAwait(false))
                {
                    entries = await LayerDiffWriter.WriteAsync(changes, buffered, options.ClampMtime, cancellationToken).ConfigureAwait(false);
                    await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
                    diffId = hashing.Digest();
                    uncompressed = hashing.BytesHashed;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new KilnException(ErrorCodes.LayerDiffFailed, $"writing a layer diff: {ex.Message}", inner: ex);
            }
            finally
            {
                if (compressor is not null)
                {
                    await compressor.DisposeAsync().ConfigureAwait(false); // writes the compressed stream's trailer
                }
            }

            var info = await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
            var mediaType = MediaType.ForLayer(options.Compression, options.DockerMediaTypes);
            return new LayerDiffResult(new Descriptor(mediaType, info.Digest, info.Size), diffId, uncompressed, entries);
        }
    }

    private static Stream? Compress(Stream target, LayerDiffOptions options) => options.Compression switch
    {
        LayerCompression.Gzip => new GZipStream(target, options.GzipLevel, leaveOpen: true),
        LayerCompression.Zstd => new ZstdSharp.CompressionStream(target, options.ZstdLevel, leaveOpen: true),
        _ => null,
    };
}

using System.IO.Compression;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// Opens a layer blob as its uncompressed tar. The magic bytes decide (a layer mislabelled as gzip that is zstd is read as
/// zstd, as Docker does); a media type that promises compression the bytes do not have is a corrupt layer.
/// </summary>
internal static class LayerDecompression
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b, 0x08];
    private static readonly byte[] ZstdMagic = [0x28, 0xb5, 0x2f, 0xfd];

    public static LayerCompression Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(GzipMagic) ? LayerCompression.Gzip
        : head.StartsWith(ZstdMagic) ? LayerCompression.Zstd
        : LayerCompression.None;

    public static async Task<Stream> OpenAsync(Stream blob, string? mediaType, Digest layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        var head = new byte[4];
        var read = await blob.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var detected = Detect(head.AsSpan(0, read));
        if (detected == LayerCompression.None && mediaType is not null && MediaType.TryGetCompression(mediaType, out var declared)
            && declared != LayerCompression.None)
        {
            throw new KilnException(ErrorCodes.LayerCorrupt, $"layer {layer} is declared {mediaType} but its bytes are not {declared} compressed");
        }

        var joined = new PrefixedStream(head.AsMemory(0, read), blob);
        return detected switch
        {
            LayerCompression.Gzip => new GZipStream(joined, CompressionMode.Decompress),
            LayerCompression.Zstd => new ZstdSharp.DecompressionStream(joined),
            _ => joined,
        };
    }
}

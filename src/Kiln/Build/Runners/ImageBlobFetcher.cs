using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Registry;

namespace Kiln.Build.Runners;

/// <summary>
/// Copies registry blobs into the content store: a blob already stored is not fetched again, a fetched one is
/// verified (size and digest) before it is committed. Layer transfers report "digest current / total" progress.
/// With an origin table, each fetched blob's repository is recorded so that a later push can mount it from there.
/// </summary>
internal sealed class ImageBlobFetcher(RegistryClient registry, ContentStore store, BlobOriginTable? origins = null)
{
    private const int ReportEvery = 1024 * 1024;

    /// <summary>Makes <paramref name="blob"/> present in the store; true when it had to be fetched.</summary>
    public async Task<bool> EnsureAsync(Reference repository, Descriptor blob, VertexProgress? progress, CancellationToken cancellationToken)
    {
        var id = blob.Digest.ToString();
        if (await store.ExistsAsync(blob.Digest, cancellationToken).ConfigureAwait(false))
        {
            progress?.Status(id, id, blob.Size, blob.Size, completed: true);
            return false;
        }

        var writer = store.OpenWriter(blob.Digest, blob.Size);
        await using (writer.ConfigureAwait(false))
        {
            var source = await registry.OpenBlobAsync(repository, blob, cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                await CopyAsync(source, writer, blob, progress, cancellationToken).ConfigureAwait(false);
            }

            await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (origins is not null)
        {
            await origins.RecordAsync(repository, blob.Digest, cancellationToken).ConfigureAwait(false);
        }

        progress?.Status(id, id, blob.Size, blob.Size, completed: true);
        return true;
    }

    private static async Task CopyAsync(Stream source, Stream destination, Descriptor blob, VertexProgress? progress, CancellationToken cancellationToken)
    {
        var id = blob.Digest.ToString();
        var buffer = new byte[81920];
        long current = 0;
        long reported = 0;
        progress?.Status(id, id, 0, blob.Size);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            current += read;
            if (current - reported >= ReportEvery)
            {
                progress?.Status(id, id, current, blob.Size);
                reported = current;
            }
        }
    }
}

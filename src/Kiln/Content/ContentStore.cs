using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Content;

/// <summary>
/// The local content-addressed blob store under <c>&lt;root&gt;/content/blobs/&lt;algorithm&gt;/&lt;hex&gt;</c>.
/// Only verified bytes are ever renamed into place, so readers never see a partial or wrong blob, and any number
/// of threads or processes may write the same blob at once.
/// </summary>
internal sealed class ContentStore
{
    private const int CopyBufferSize = 128 * 1024;

    private readonly TimeProvider timeProvider;

    public ContentStore(KilnPaths paths, TimeProvider? timeProvider = null)
    {
        Paths = paths ?? throw new ArgumentNullException(nameof(paths));
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    public KilnPaths Paths { get; }

    /// <summary>The file of a blob. The digest is validated again so that no unparsed value reaches the filesystem.</summary>
    public static string BlobPath(KilnPaths paths, Digest digest)
    {
        if (!Digest.TryParse(digest.ToString(), out var valid, out var error))
        {
            throw new KilnException(ErrorCodes.InvalidDigest, $"invalid digest \"{digest}\": {error}");
        }

        return Path.Combine(paths.BlobsDirectory, valid.Algorithm, valid.Hex);
    }

    public string BlobPath(Digest digest) => BlobPath(Paths, digest);

    /// <summary>Starts a write whose result must match <paramref name="expected"/> (and the size, when given).</summary>
    public ContentWriter OpenWriter(Digest expected, long? expectedSize)
    {
        _ = BlobPath(expected);
        return new ContentWriter(Paths, expected.Algorithm, expected, expectedSize);
    }

    /// <summary>Starts a write of content produced locally, whose digest is known only once it is written.</summary>
    public ContentWriter OpenWriter(string algorithm = Digest.Sha256Algorithm) => new(Paths, algorithm, null, null);

    /// <summary>Stores exact bytes under their expected digest.</summary>
    public async Task<ContentInfo> WriteAsync(Digest expected, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var existing = await ExistingAsync(expected, bytes.Length, cancellationToken).ConfigureAwait(false);
        if (existing is { } info)
        {
            return info;
        }

        var writer = OpenWriter(expected, bytes.Length);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            return await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies a stream into the store, hashing while writing. When the blob is already present the source is not read.
    /// A short, long or wrong stream leaves nothing behind and throws KILN1201 or KILN1202.
    /// </summary>
    public async Task<ContentInfo> IngestAsync(Stream source, Digest expected, long? expectedSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var existing = await ExistingAsync(expected, expectedSize, cancellationToken).ConfigureAwait(false);
        if (existing is { } info)
        {
            return info;
        }

        var writer = OpenWriter(expected, expectedSize);
        await using (writer.ConfigureAwait(false))
        {
            await source.CopyToAsync(writer, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            return await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies a stream of locally produced content into the store and returns the digest it hashed to.</summary>
    public async Task<ContentInfo> IngestAsync(Stream source, string algorithm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var writer = OpenWriter(algorithm);
        await using (writer.ConfigureAwait(false))
        {
            await source.CopyToAsync(writer, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            return await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<bool> ExistsAsync(Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(File.Exists(BlobPath(digest)));
    }

    /// <summary>The blob's size, or null when it is not in the store.</summary>
    public ValueTask<ContentInfo?> InfoAsync(Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(BlobPath(digest));
        return ValueTask.FromResult<ContentInfo?>(file.Exists ? new ContentInfo(digest, file.Length) : null);
    }

    /// <summary>Opens a blob for reading; a blob deleted while open stays readable to this reader.</summary>
    public Stream OpenRead(Digest digest)
    {
        var path = BlobPath(digest);
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read | FileShare.Delete,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(digest, ex);
        }
    }

    public async Task<byte[]> ReadAllBytesAsync(Digest digest, CancellationToken cancellationToken)
    {
        var path = BlobPath(digest);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(digest, ex);
        }
    }

    /// <summary>Re-hashes a stored blob: true when its bytes still match its name (false when absent or damaged).</summary>
    public async Task<bool> VerifyAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(digest, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var stream = OpenRead(digest);
        await using (stream.ConfigureAwait(false))
        {
            using var hash = IncrementalHash.CreateHash(Digest.HashAlgorithmFor(digest.Algorithm));
            var buffer = new byte[CopyBufferSize];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }

            return Digest.FromHash(digest.Algorithm, hash.GetHashAndReset()) == digest;
        }
    }

    /// <summary>Removes a blob; returns false when it was not present. Open readers keep their view of it.</summary>
    public ValueTask<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            return ValueTask.FromResult(false);
        }

        File.Delete(path);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return ValueTask.FromResult(true);
    }

    /// <summary>Every committed blob with its size, in no particular order; files that are not named by a digest are skipped.</summary>
    public async IAsyncEnumerable<ContentInfo> WalkAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Paths.BlobsDirectory))
        {
            yield break;
        }

        foreach (var algorithmDirectory in Directory.EnumerateDirectories(Paths.BlobsDirectory))
        {
            var algorithm = Path.GetFileName(algorithmDirectory);
            foreach (var file in new DirectoryInfo(algorithmDirectory).EnumerateFiles())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Digest.TryParse($"{algorithm}:{file.Name}", out var digest) && file.Exists)
                {
                    yield return new ContentInfo(digest, file.Length);
                }
            }

            await Task.Yield();
        }
    }

    /// <summary>
    /// Deletes partial files not written to for <paramref name="olderThan"/> (left by killed or crashed writers).
    /// A live writer touches its file on every write, so it is never removed with a sensible threshold.
    /// </summary>
    public ValueTask<int> CleanupIngestAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        if (!Directory.Exists(Paths.IngestDirectory))
        {
            return ValueTask.FromResult(removed);
        }

        var cutoff = timeProvider.GetUtcNow().UtcDateTime - olderThan;
        foreach (var file in new DirectoryInfo(Paths.IngestDirectory).EnumerateFiles())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < cutoff)
            {
                file.Delete();
                removed++;
            }
        }

        return ValueTask.FromResult(removed);
    }

    private async ValueTask<ContentInfo?> ExistingAsync(Digest expected, long? expectedSize, CancellationToken cancellationToken)
    {
        var existing = await InfoAsync(expected, cancellationToken).ConfigureAwait(false);
        if (existing is { } info && expectedSize is { } size && info.Size != size)
        {
            throw new KilnException(
                ErrorCodes.BlobSizeMismatch,
                $"size mismatch for {expected}: expected {size} bytes, the stored blob has {info.Size}");
        }

        return existing;
    }

    private static KilnException NotFound(Digest digest, Exception inner) =>
        new(ErrorCodes.BlobNotFound, $"blob {digest} is not in the content store", inner: inner);
}

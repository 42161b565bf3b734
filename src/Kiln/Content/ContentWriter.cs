using System.Security.Cryptography;
using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Content;

/// <summary>
/// A write-only stream into a private temp file that hashes every byte; <see cref="CommitAsync"/> verifies,
/// fsyncs and renames it into the store. Disposing without a commit deletes the temp file.
/// </summary>
internal sealed class ContentWriter : Stream
{
    private const UnixFileMode BlobMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly KilnPaths paths;
    private readonly string algorithm;
    private readonly Digest? expected;
    private readonly long? expectedSize;
    private readonly IncrementalHash hash;
    private readonly FileStream file;
    private long written;
    private bool finished;

    internal ContentWriter(KilnPaths paths, string algorithm, Digest? expected, long? expectedSize)
    {
        if (expectedSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedSize), expectedSize, "a blob size is never negative");
        }

        this.paths = paths;
        this.algorithm = algorithm;
        this.expected = expected;
        this.expectedSize = expectedSize;
        hash = IncrementalHash.CreateHash(Digest.HashAlgorithmFor(algorithm));
        Directory.CreateDirectory(paths.IngestDirectory);
        TempPath = Path.Combine(paths.IngestDirectory, IngestFileName.Create());
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            file = new FileStream(TempPath, options);
        }
        catch (IOException ex)
        {
            hash.Dispose();
            throw new KilnException(ErrorCodes.ContentWriteFailed, $"cannot create {TempPath}: {ex.Message}", inner: ex);
        }
    }

    /// <summary>The private file being written; it never becomes visible under the blobs directory unverified.</summary>
    public string TempPath { get; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !finished;

    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Account(buffer);
        try
        {
            file.Write(buffer);
        }
        catch (IOException ex)
        {
            throw WriteFailed(ex);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Account(buffer.Span);
        try
        {
            await file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw WriteFailed(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => file.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Verifies size and digest, makes the bytes durable, then atomically renames them to their blob path.
    /// When another writer committed the same blob first, this one's temp file is dropped and the blob is reused.
    /// </summary>
    public async Task<ContentInfo> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        finished = true;
        try
        {
            if (expectedSize is { } size && written != size)
            {
                throw new KilnException(
                    ErrorCodes.BlobSizeMismatch,
                    $"size mismatch for {Describe()}: expected {size} bytes, got {written} (truncated content)");
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            await file.DisposeAsync().ConfigureAwait(false);
            var actual = Digest.FromHash(algorithm, hash.GetHashAndReset());
            if (expected is { } want && want != actual)
            {
                throw new KilnException(
                    ErrorCodes.BlobDigestMismatch,
                    $"digest mismatch: expected {want}, got {actual} ({written} bytes)");
            }

            Publish(actual);
            return new ContentInfo(actual, written);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.ContentWriteFailed, $"cannot commit {Describe()}: {ex.Message}", inner: ex);
        }
        finally
        {
            await DiscardAsync().ConfigureAwait(false);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            finished = true;
            file.Dispose();
            hash.Dispose();
            File.Delete(TempPath);
        }

        base.Dispose(disposing);
    }

    private void Publish(Digest actual)
    {
        var target = ContentStore.BlobPath(paths, actual);
        if (File.Exists(target))
        {
            return; // an identical blob is already in place; keep its inode for current readers
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            // First blob of this algorithm: make the new directory entries durable too.
            Directory.CreateDirectory(directory);
            DirectorySync.Flush(paths.BlobsDirectory);
            DirectorySync.Flush(paths.ContentDirectory);
            DirectorySync.Flush(paths.Root);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(TempPath, BlobMode);
        }

        // rename(2): atomic, and harmless when a racing writer renamed the same verified bytes first.
        File.Move(TempPath, target, overwrite: true);
        DirectorySync.Flush(directory);
    }

    private async ValueTask DiscardAsync()
    {
        await file.DisposeAsync().ConfigureAwait(false);
        hash.Dispose();
        File.Delete(TempPath);
    }

    private void Account(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (expectedSize is { } size && written + buffer.Length > size)
        {
            // Stop at once: a source that lies about its size must not fill the disk.
            throw new KilnException(
                ErrorCodes.BlobSizeMismatch,
                $"size mismatch for {Describe()}: expected {size} bytes, got more than that");
        }

        hash.AppendData(buffer);
        written += buffer.Length;
    }

    private KilnException WriteFailed(IOException ex) =>
        new(ErrorCodes.ContentWriteFailed, $"cannot write {Describe()} to {TempPath}: {ex.Message}", inner: ex);

    private string Describe() => expected?.ToString() ?? $"new {algorithm} blob";
}

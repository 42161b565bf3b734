namespace Kiln.Oci;

/// <summary>
/// A write-only stream that passes bytes on to an inner stream and hashes them on the way, so the digest of
/// exactly the bytes written is known when writing ends.
/// </summary>
internal sealed class HashingWriteStream : Stream
{
    private readonly Stream inner;
    private readonly bool leaveOpen;
    private readonly DigestHasher hasher;

    public HashingWriteStream(Stream inner, bool leaveOpen = false, string algorithm = Digest.Sha256Algorithm)
    {
        this.inner = inner;
        this.leaveOpen = leaveOpen;
        hasher = new DigestHasher(algorithm);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => hasher.Length;

    public override long Position
    {
        get => hasher.Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The digest of everything written; call once writing is over.</summary>
    public Digest Finish() => hasher.Finish();

    public Descriptor ToDescriptor(string mediaType) => hasher.ToDescriptor(mediaType);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        hasher.Append(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        hasher.Append(buffer.Span);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hasher.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        hasher.Dispose();
        if (!leaveOpen)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}

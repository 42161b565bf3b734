using Kiln.Diagnostics;

namespace Kiln.Registry;

/// <summary>An upload source that must hold exactly the descriptor's size: more or fewer bytes throw before the registry sees a lie.</summary>
internal sealed class SizeCheckedStream(Stream inner, long expectedSize, string what) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedSize;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Account(buffer.Length, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(buffer.Length, await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(int requested, int read)
    {
        position += read;
        if (position > expectedSize)
        {
            throw new KilnException(ErrorCodes.BlobUploadFailed, $"{what}: the source holds more than the {expectedSize} bytes the descriptor gives");
        }

        if (read == 0 && requested > 0 && position != expectedSize)
        {
            throw new KilnException(ErrorCodes.BlobUploadFailed, $"{what}: the source ended after {position} bytes but the descriptor gives {expectedSize}");
        }

        return read;
    }
}

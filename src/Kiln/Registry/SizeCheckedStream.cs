using Kiln.Diagnostics;
using Kiln.Streams;

namespace Kiln.Registry;

/// <summary>An upload source that must hold exactly the descriptor's size: more or fewer bytes throw before the registry sees a lie.</summary>
internal sealed class SizeCheckedStream(Stream inner, long expectedSize, string what) : ReadOnlyStream
{
    private long position;

    public override long Length => expectedSize;

    public override long Position => position;

    public override int Read(Span<byte> buffer) => Account(buffer.Length, inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(buffer.Length, await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

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

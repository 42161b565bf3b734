using Kiln.Streams;

namespace Kiln.Export.Push;

/// <summary>A read-only pass-through stream that reports how many bytes were read so far, at most every <c>interval</c> bytes.</summary>
internal sealed class ProgressReadStream(Stream inner, long interval, Action<long> report) : ReadOnlyStream
{
    private long read;
    private long reported;

    public override long Position => read;

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Count(int n)
    {
        read += n;
        if (n > 0 && read - reported >= interval)
        {
            reported = read;
            report(read);
        }

        return n;
    }
}

using Kiln.Streams;

namespace Kiln.Snapshots.Layers;

/// <summary>A read-only stream that replays bytes already read from the front of another stream (used to sniff magic bytes).</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : ReadOnlyStream
{
    private ReadOnlyMemory<byte> remaining = prefix;

    public override int Read(Span<byte> buffer)
    {
        if (remaining.IsEmpty)
        {
            return inner.Read(buffer);
        }

        var count = Math.Min(buffer.Length, remaining.Length);
        remaining.Span[..count].CopyTo(buffer);
        remaining = remaining[count..];
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (remaining.IsEmpty)
        {
            return inner.ReadAsync(buffer, cancellationToken);
        }

        return ValueTask.FromResult(Read(buffer.Span));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

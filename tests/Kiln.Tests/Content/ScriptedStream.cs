namespace Kiln.Tests.Content;

/// <summary>
/// A read-only source for ingest tests: serves bytes in small chunks (optionally forever), can run an action before
/// a given read, and counts reads so a test can prove the source was never touched.
/// </summary>
internal sealed class ScriptedStream(byte[] data, bool endless = false) : Stream
{
    private const int ChunkSize = 4096;
    private long position;

    public int Reads { get; private set; }

    public Action<int>? BeforeRead { get; init; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        BeforeRead?.Invoke(Reads);
        var available = endless ? ChunkSize : (int)Math.Min(ChunkSize, data.Length - position);
        var n = Math.Min(available, buffer.Length);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = data.Length == 0 ? (byte)0 : data[(position + i) % data.Length];
        }

        position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

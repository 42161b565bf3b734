using Kiln.Context;

namespace Kiln.Cli.Commands;

/// <summary>Reads context files from disk, counting files opened and bytes they hold.</summary>
internal sealed class MeasuringFileReader : IContextFileReader
{
    private long _opened;
    private long _bytes;

    public long Opened => Interlocked.Read(ref _opened);

    public long BytesRead => Interlocked.Read(ref _bytes);

    public Stream OpenRead(string fullPath)
    {
        var stream = ContextFileReader.Instance.OpenRead(fullPath);
        Interlocked.Increment(ref _opened);
        Interlocked.Add(ref _bytes, stream.Length);
        return stream;
    }
}

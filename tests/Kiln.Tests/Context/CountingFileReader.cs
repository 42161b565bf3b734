using Kiln.Context;

namespace Kiln.Tests.Context;

/// <summary>Reads context files from disk and counts every open; optional hooks run around each open.</summary>
internal sealed class CountingFileReader : IContextFileReader
{
    private int _reads;

    public Action<string, int>? BeforeOpen { get; init; }

    public Action<string, int>? AfterOpen { get; init; }

    public int Reads => _reads;

    public Stream OpenRead(string fullPath)
    {
        var count = Interlocked.Increment(ref _reads);
        BeforeOpen?.Invoke(fullPath, count);
        var stream = ContextFileReader.Instance.OpenRead(fullPath);
        AfterOpen?.Invoke(fullPath, count);
        return stream;
    }
}

using Kiln.Context;

namespace Kiln.Tests.Context;

/// <summary>Reads context files from disk and counts every open; an optional hook runs after each open.</summary>
internal sealed class CountingFileReader : IContextFileReader
{
    private int _reads;

    public Action<string, int>? AfterOpen { get; init; }

    public int Reads => _reads;

    public Stream OpenRead(string fullPath)
    {
        var count = Interlocked.Increment(ref _reads);
        var stream = ContextFileReader.Instance.OpenRead(fullPath);
        AfterOpen?.Invoke(fullPath, count);
        return stream;
    }
}

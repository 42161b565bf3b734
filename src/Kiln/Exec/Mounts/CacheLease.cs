namespace Kiln.Exec.Mounts;

/// <summary>A cache directory held for one step; disposing releases its lock.</summary>
internal sealed class CacheLease(string directory, FileLock fileLock) : IDisposable
{
    public string Directory { get; } = directory;

    public void Dispose() => fileLock.Dispose();
}

namespace Kiln.Tests.Exec;

/// <summary>A scratch directory removed when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kiln-exec-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

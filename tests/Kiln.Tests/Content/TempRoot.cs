using Kiln.Content;

namespace Kiln.Tests.Content;

/// <summary>A fresh kiln root under the system temp directory, removed when the test ends.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kiln-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Paths = new KilnPaths(Directory);
    }

    public string Directory { get; }

    public KilnPaths Paths { get; }

    public string[] IngestFiles() =>
        System.IO.Directory.Exists(Paths.IngestDirectory) ? System.IO.Directory.GetFiles(Paths.IngestDirectory) : [];

    public string[] BlobFiles() =>
        System.IO.Directory.Exists(Paths.BlobsDirectory)
            ? System.IO.Directory.GetFiles(Paths.BlobsDirectory, "*", SearchOption.AllDirectories)
            : [];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp directory must not fail the test
        }
    }
}

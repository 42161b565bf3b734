namespace Kiln.Tests.Snapshots;

/// <summary>
/// A temp directory with the extraction root three levels down (<c>base/a/b/root</c>), so that a test can prove nothing
/// was written outside the root: everything under <see cref="Base"/> except the root itself must stay empty.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    public Sandbox()
    {
        Base = Path.Combine(Path.GetTempPath(), "kiln-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Base, "a", "b", "root");
        Directory.CreateDirectory(Root);
    }

    public string Base { get; }

    public string Root { get; }

    /// <summary>Every file or directory under the base that is not the root or inside it (symlinks are not followed).</summary>
    public List<string> OutsideRoot()
    {
        var found = new List<string>();
        Walk(Base, found);
        return found;
    }

    private void Walk(string directory, List<string> found)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(directory))
        {
            if (child == Root)
            {
                continue;
            }

            if (child != Path.Combine(Base, "a") && child != Path.Combine(Base, "a", "b"))
            {
                found.Add(child);
            }

            if (Kiln.Snapshots.Unix.FileStatus.Get(child).IsDirectory)
            {
                Walk(child, found);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Base, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

using Kiln.Context;

namespace Kiln.Tests.Context;

/// <summary>A scratch context directory with helpers to populate it, removed on dispose.</summary>
public sealed class ContextFixture : IDisposable
{
    public ContextFixture()
    {
        Root = Directory.CreateTempSubdirectory("kiln-context-").FullName;
        Outside = Directory.CreateTempSubdirectory("kiln-outside-").FullName;
    }

    public string Root { get; }

    /// <summary>A second directory outside the context, for symlinks that point away from it.</summary>
    public string Outside { get; }

    public string Full(string relative) => Path.Combine(Root, relative);

    public ContextFixture File(string relative, string content = "x", UnixFileMode? mode = null)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(full, m);
        }

        // Old enough for the stat cache to trust.
        System.IO.File.SetLastWriteTimeUtc(full, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return this;
    }

    public ContextFixture Chmod(string relative, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(Full(relative), mode);
        }

        return this;
    }

    public ContextFixture Dir(string relative)
    {
        Directory.CreateDirectory(Full(relative));
        return this;
    }

    public ContextFixture Symlink(string relative, string target)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return this;
    }

    internal LocalContext Open(string? dockerfile = null) => LocalContext.Open(LocalContext.DefaultName, Root, dockerfile is null ? null : Full(dockerfile));

    internal IReadOnlyList<string> WalkPaths(string? dockerfile = null) =>
        ContextWalker.Walk(Open(dockerfile), CancellationToken.None).Select(e => e.Path).ToList();

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }
}

using Kiln.Build.Files;

namespace Kiln.Tests.Build.Files;

/// <summary>BuildKit's op-path cleaning and symlink resolution that never leaves the root.</summary>
public sealed class ScopedPathTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("kiln-scoped-").FullName;

    public static TheoryData<string, string> CleanCases => new()
    {
        { "a/b", "/a/b" },
        { "/a/../b/", "/b/" },
        { "a/.", "/a/." },
        { "/", "/" },
        { ".", "/" },
        { "/.", "/." },
        { "x//y/", "/x/y/" },
    };

    [Theory]
    [MemberData(nameof(CleanCases))]
    public void CleanKeepsTheDirectoryMarker(string path, string expected) => Assert.Equal(expected, ScopedPath.Clean(path));

    [Fact]
    public void SymlinksResolveInsideTheRoot()
    {
        Directory.CreateDirectory(Path.Combine(root, "real/sub"));
        File.CreateSymbolicLink(Path.Combine(root, "abs"), "/real");
        File.CreateSymbolicLink(Path.Combine(root, "up"), "../../../real");
        File.CreateSymbolicLink(Path.Combine(root, "real/last"), "sub");

        Assert.Equal(Path.Combine(root, "real/sub/x"), ScopedPath.Resolve(root, "/abs/sub/x"));
        Assert.Equal(Path.Combine(root, "real/sub"), ScopedPath.Resolve(root, "/up/sub"));
        Assert.Equal(Path.Combine(root, "real/sub"), ScopedPath.Resolve(root, "/real/last"));
        Assert.Equal(Path.Combine(root, "real/last"), ScopedPath.Resolve(root, "/real/last", followLast: false));
        Assert.Equal(root, ScopedPath.Resolve(root, "/../.."));
    }

    [Fact]
    public void WildcardsMatchAtTheirDepthInLexicalOrder()
    {
        foreach (var file in new[] { "b.txt", "a.txt", "c.md", "d/e.txt" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
            File.WriteAllText(Path.Combine(root, file), "");
        }

        Assert.Equal(["/a.txt", "/b.txt"], Wildcards.Resolve(root, "/*.txt", followLinks: true));
        Assert.Equal(["/d/e.txt"], Wildcards.Resolve(root, "/*/e.txt", followLinks: true));
        Assert.Empty(Wildcards.Resolve(root, "/missing/*", followLinks: true));
        Assert.Equal(["/plain"], Wildcards.Resolve(root, "/plain", followLinks: true));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

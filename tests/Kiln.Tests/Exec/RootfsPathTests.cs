using Kiln.Exec;

namespace Kiln.Tests.Exec;

public sealed class RootfsPathTests
{
    [Theory]
    [InlineData("/etc/passwd", "etc/passwd")]
    [InlineData("etc//./passwd", "etc/passwd")]
    [InlineData("/../../etc/passwd", "etc/passwd")]
    [InlineData("/abs-link/passwd", "etc/passwd")]
    [InlineData("/rel-link/passwd", "etc/passwd")]
    [InlineData("/escape/passwd", "etc/passwd")]
    [InlineData("/escape-abs/x", "x")]
    [InlineData("/", "")]
    [InlineData("/missing/child", "missing/child")]
    public void ResolvesInsideTheRootfs(string containerPath, string expected)
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "etc"));
        File.CreateSymbolicLink(Path.Combine(root.Path, "abs-link"), "/etc");
        File.CreateSymbolicLink(Path.Combine(root.Path, "rel-link"), "./etc/../etc");
        File.CreateSymbolicLink(Path.Combine(root.Path, "escape"), "../../../../etc");
        File.CreateSymbolicLink(Path.Combine(root.Path, "escape-abs"), "/../../..");
        var resolved = RootfsPath.Resolve(root.Path, containerPath);
        Assert.Equal(expected.Length == 0 ? root.Path : root.Path + "/" + expected, resolved);
    }

    [Fact]
    public void LastComponentIsKeptWhenNotFollowing()
    {
        using var root = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(root.Path, "link"), "/target");
        Assert.Equal(root.Path + "/link", RootfsPath.Resolve(root.Path, "/link", followLast: false));
        Assert.Equal(root.Path + "/target", RootfsPath.Resolve(root.Path, "/link"));
    }

    [Fact]
    public void SymlinkLoopsFail()
    {
        using var root = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(root.Path, "a"), "/b");
        File.CreateSymbolicLink(Path.Combine(root.Path, "b"), "/a");
        var error = Assert.Throws<Kiln.Diagnostics.KilnException>(() => RootfsPath.Resolve(root.Path, "/a/x"));
        Assert.Equal(Kiln.Diagnostics.ErrorCodes.PathEscapesRoot, error.Code);
    }
}

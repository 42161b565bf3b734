using Kiln.Context;
using Kiln.Diagnostics;

namespace Kiln.Tests.Context;

public sealed class ContextWalkerTests : IDisposable
{
    private readonly ContextFixture _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void EntriesComeInCodePointOrderWithDirectoriesBeforeTheirContents()
    {
        _context.File("b").File("a/z").File("a/b").File("a.txt").File("B").File("\uFF21").File("\U0001F600");
        Assert.Equal(["B", "a", "a/b", "a/z", "a.txt", "b", "\uFF21", "\U0001F600"], _context.WalkPaths());
    }

    [Fact]
    public void EmptyDirectoriesAreEntriesUnlessExcluded()
    {
        _context.Dir("empty").Dir("skipped/inner").File(".dockerignore", "skipped\n");
        Assert.Equal([".dockerignore", "empty"], _context.WalkPaths());
    }

    [Fact]
    public void ExcludedDirectoryAppearsOnlyAroundReIncludedContent()
    {
        _context.File("docs/keep.md").File("docs/other.md").Dir("logs/empty").File(".dockerignore", "docs\nlogs\n!docs/keep.md\n!logs/none\n");
        Assert.Equal([".dockerignore", "docs", "docs/keep.md"], _context.WalkPaths());
    }

    [Fact]
    public void NestedDockerignoreIsOrdinaryContent()
    {
        _context.File("sub/.dockerignore", "x\n").File("sub/x");
        Assert.Equal(["sub", "sub/.dockerignore", "sub/x"], _context.WalkPaths());
    }

    [Fact]
    public void DockerfileSpecificIgnoreFileReplacesTheContextOne()
    {
        _context.File("a").File("b").File(".dockerignore", "a\n").File("app/Dockerfile").File("app/Dockerfile.dockerignore", "b\n");
        Assert.DoesNotContain("b", _context.WalkPaths("app/Dockerfile"));
        Assert.Contains("a", _context.WalkPaths("app/Dockerfile"));

        // Without its own ignore file a Dockerfile falls back to .dockerignore.
        _context.File("Other.Dockerfile");
        Assert.DoesNotContain("a", _context.WalkPaths("Other.Dockerfile"));
        Assert.Equal(Path.Combine(_context.Root, "app/Dockerfile.dockerignore"), _context.Open("app/Dockerfile").IgnoreFile);
    }

    [Fact]
    public void SymlinksAreRecordedWithTheirTargetAndNeverFollowed()
    {
        System.IO.File.WriteAllText(Path.Combine(_context.Outside, "secret"), "s");
        _context.File("real/f").Symlink("inside", "real").Symlink("outside", _context.Outside).Symlink("dangling", "nowhere");
        var entries = ContextWalker.Walk(_context.Open(), CancellationToken.None);

        Assert.Equal(["dangling", "inside", "outside", "real", "real/f"], entries.Select(e => e.Path));
        var outside = entries.Single(e => e.Path == "outside");
        Assert.Equal(ContextEntryKind.Symlink, outside.Kind);
        Assert.Equal(_context.Outside, outside.LinkTarget);
        Assert.Equal("real", entries.Single(e => e.Path == "inside").LinkTarget);
    }

    [Fact]
    public void PermissionBitsOwnerAndTypeAreRecorded()
    {
        _context.File("run.sh", "#!/bin/sh", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.SetUser);
        var entry = ContextWalker.Walk(_context.Open(), CancellationToken.None).Single();
        Assert.Equal(Convert.ToUInt32("4740", 8), entry.Stat.Permissions);
        Assert.Equal(ContextEntryKind.File, entry.Kind);
        Assert.Equal(9, entry.Stat.Size);
    }

    [Fact]
    public void MalformedPatternReportsItsLineInTheIgnoreFile()
    {
        _context.File(".dockerignore", "# comment\nok\n\n[a-\nfine\n[\n");
        var ex = Assert.Throws<KilnException>(() => _context.Open());
        Assert.Equal(ErrorCodes.InvalidIgnorePattern, ex.Code);
        Assert.Equal([4, 6], ex.Diagnostics.Select(d => d.Span!.Start.Line));
        Assert.All(ex.Diagnostics, d => Assert.EndsWith(".dockerignore", d.Span!.File, StringComparison.Ordinal));
    }

    [Fact]
    public void CrlfLinesAndByteOrderMarkAreHandled()
    {
        _context.File("a").File("b").File("c").File(".dockerignore", "\uFEFFa\r\n  b  \r\n");
        Assert.Equal([".dockerignore", "c"], _context.WalkPaths());
    }

    [Fact]
    public void DockerignoreSymlinkedOutsideTheContextIsRefused()
    {
        var target = Path.Combine(_context.Outside, "ignore");
        System.IO.File.WriteAllText(target, "a\n");
        _context.Symlink(".dockerignore", target);
        var ex = Assert.Throws<KilnException>(() => _context.Open());
        Assert.Equal(ErrorCodes.ContextPathEscapes, ex.Code);
    }

    [Fact]
    public void MissingContextDirectoryIsReported()
    {
        var ex = Assert.Throws<KilnException>(() => LocalContext.Open("web", Path.Combine(_context.Root, "nope")));
        Assert.Equal(ErrorCodes.ContextNotFound, ex.Code);
    }

    [Fact]
    public void NamedContextUsesItsOwnDockerignore()
    {
        _context.File("lib/a").File("lib/b").File("lib/.dockerignore", "a\n");
        var named = LocalContext.Open("lib", _context.Full("lib"));
        Assert.Equal("lib", named.Name);
        Assert.Equal([".dockerignore", "b"], ContextWalker.Walk(named, CancellationToken.None).Select(e => e.Path));
    }
}

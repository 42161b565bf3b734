using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots.Unix;

namespace Kiln.IntegrationTests.Build;

/// <summary>COPY through the scheduler: context and image sources, ownership, modes, times, wildcards and destinations.</summary>
public sealed class CopyActionTests
{
    private static readonly DateTimeOffset ContextTime = new(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoryData<string, string, string, bool, string[]> Destinations => new()
    {
        { "file into a new name", "/a.txt", "/out", true, ["out"] },
        { "file into a slash directory", "/a.txt", "/out/", true, ["out/a.txt"] },
        { "wildcard into a directory", "/*.txt", "/out/", true, ["out/a.txt", "out/c.txt"] },
        { "directory contents", "/dir", "/out", true, ["out/b", "out/sub/d"] },
        { "directory itself", "/dir", "/out/", false, ["out/dir/b", "out/dir/sub/d"] },
        { "directory contents into root", "/dir", "/", true, ["b", "sub/d"] },
        { "class wildcard", "/[ac].txt", "/w/", true, ["w/a.txt", "w/c.txt"] },
        { "nested wildcard", "/dir/*/d", "/n/", true, ["n/d"] },
    };

    [Theory]
    [MemberData(nameof(Destinations))]
    public async Task SourcesLandWhereBuildKitPutsThem(string name, string source, string destination, bool contents, string[] expected)
    {
        Assert.NotEmpty(name);
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        harness.Write("c.txt", "c");
        harness.Write("dir/b", "b");
        harness.Write("dir/sub/d", "d");
        var copy = new CopyAction(0, source, destination) { AllowWildcard = true, CopyDirectoryContents = contents, CreateDestinationPath = true, FollowSymlinks = true };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [copy]), harness.Local()));

        var files = Directory.EnumerateFiles(view.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(view.Path, f)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
    }

    [Fact]
    public async Task ContextFilesKeepModesTimesLinksAndEmptyDirectoriesOwnedByRoot()
    {
        await using var harness = await BuildHarness.CreateAsync();
        var a = harness.Write("a.txt", "alpha", 0x1A0);
        FileOps.Chown(a, 1234, 1234);
        harness.Write("bin/run", "#!/bin/sh", 0x1ED);
        Directory.CreateDirectory(Path.Combine(harness.Context, "empty"));
        File.CreateSymbolicLink(Path.Combine(harness.Context, "link"), "a.txt");
        var copy = new CopyAction(1, "/", "/app/") { CopyDirectoryContents = true, CreateDestinationPath = true, FollowSymlinks = true, AllowWildcard = true };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(0, [copy]), BuildHarness.Busybox(), harness.Local()));

        var file = FileInfoAssert.File(Path.Combine(view.Path, "app/a.txt"), 0x1A0, 0, 0, "alpha");
        Assert.Equal(ContextTime.ToUnixTimeSeconds(), file.MtimeSeconds);
        FileInfoAssert.File(Path.Combine(view.Path, "app/bin/run"), 0x1ED, 0, 0);
        FileInfoAssert.Directory(Path.Combine(view.Path, "app/empty"), 0x1ED, 0, 0);
        FileInfoAssert.Symlink(Path.Combine(view.Path, "app/link"), "a.txt");
        Assert.True(File.Exists(Path.Combine(view.Path, "bin/busybox")), "the base image shows under the copy");
    }

    [Fact]
    public async Task ChownByNameResolvesInTheDestinationImage()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("f", "f");
        var actions = new FileAction[]
        {
            new CopyAction(1, "/f", "/home/nobody/") { Owner = new FileOwner("nobody"), CreateDestinationPath = true },
            new CopyAction(1, "/f", "/g") { Owner = new FileOwner("nobody", "root"), CreateDestinationPath = true },
            new CopyAction(1, "/f", "/ghost") { Owner = new FileOwner("ghost"), CreateDestinationPath = true },
            new MkfileAction("/etc/group", 0x1A4, [.. "staff:x:50:\n"u8.ToArray()]),
            new CopyAction(1, "/f", "/staff") { Owner = new FileOwner("1000", "staff"), CreateDestinationPath = true },
            new CopyAction(1, "/f", "/numeric") { Owner = new FileOwner("42"), Mode = 0x9ED, CreateDestinationPath = true },
        };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(0, [.. actions]), BuildHarness.Busybox(), harness.Local()));

        FileInfoAssert.Directory(Path.Combine(view.Path, "home/nobody"), 0x1ED, 65534, 65534);
        FileInfoAssert.File(Path.Combine(view.Path, "home/nobody/f"), 0x1A4, 65534, 65534, "f");
        FileInfoAssert.File(Path.Combine(view.Path, "g"), 0x1A4, 65534, 0);
        FileInfoAssert.File(Path.Combine(view.Path, "ghost"), 0x1A4, 0, 0);
        FileInfoAssert.File(Path.Combine(view.Path, "staff"), 0x1A4, 1000, 50);
        FileInfoAssert.File(Path.Combine(view.Path, "numeric"), 0x9ED, 42, 42);
    }

    [Fact]
    public async Task CopyFromAnImageKeepsItsOwnershipAndATimestampOverridesTimes()
    {
        await using var harness = await BuildHarness.CreateAsync();
        var time = new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);
        var copy = new CopyAction(0, "/etc", "/copied/") { CopyDirectoryContents = true, CreateDestinationPath = true, Timestamp = time, FollowSymlinks = true };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [copy]), BuildHarness.Busybox()));

        var passwd = FileInfoAssert.File(Path.Combine(view.Path, "copied/passwd"), 0x1A4, 0, 0);
        Assert.Equal(time.ToUnixTimeSeconds(), passwd.MtimeSeconds);
        Assert.Equal(time.ToUnixTimeSeconds(), FileStatus.Get(Path.Combine(view.Path, "copied")).MtimeSeconds);
    }

    [Fact]
    public async Task IncludeAndExcludePatternsFilterTheCopy()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("src/a.go", "a");
        harness.Write("src/a.log", "log");
        harness.Write("src/sub/b.go", "b");
        harness.Write("docs/readme", "r");
        var excluded = new CopyAction(0, "/src", "/e/") { CopyDirectoryContents = true, CreateDestinationPath = true, ExcludePatterns = ["*.log", "sub"] };
        var parents = new CopyAction(0, "/", "/p/") { CopyDirectoryContents = true, CreateDestinationPath = true, IncludePatterns = ["src/sub"] };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [excluded, parents]), harness.Local()));

        var files = Directory.EnumerateFiles(view.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(view.Path, f)).Order(StringComparer.Ordinal);
        Assert.Equal(["e/a.go", "p/src/sub/b.go"], files);
    }

    [Fact]
    public async Task AMissingSourceFailsWithItsPathAndTheVertexSpan()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("present", "p");
        var copy = new CopyAction(0, "/missing.txt", "/x") { AllowWildcard = true, AllowEmptyWildcard = true, CreateDestinationPath = true };

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(BuildHarness.File(new FileOp(-1, [copy]), harness.Local())));

        Assert.Equal(ErrorCodes.CopySourceNotFound, error.Code);
        Assert.Equal(BuildHarness.Span, error.Span);
        Assert.Contains("\"/missing.txt\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnmatchedWildcardIsAnErrorOnlyWhenEmptyMatchesAreNotAllowed()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("present", "p");
        var allowed = new CopyAction(0, "/*.none", "/x/") { AllowWildcard = true, AllowEmptyWildcard = true, CreateDestinationPath = true };
        var refused = allowed with { AllowEmptyWildcard = false };

        await using (var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [allowed]), harness.Local())))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(view.Path));
        }

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(BuildHarness.File(new FileOp(-1, [refused]), harness.Local())));
        Assert.Equal(ErrorCodes.CopySourceNotFound, error.Code);
        Assert.Equal(BuildHarness.Span, error.Span);
    }

    [Fact]
    public async Task ASecondSolveOfTheSameGraphRunsNothing()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        var graph = BuildHarness.File(new FileOp(0, [new CopyAction(1, "/a.txt", "/a.txt") { CreateDestinationPath = true }]), BuildHarness.Busybox(), harness.Local("a.txt"));

        var first = await harness.SolveAsync(graph);
        var executed = harness.Executed;
        var second = await harness.SolveAsync(graph);

        Assert.Equal(3, executed);
        Assert.Equal(executed, harness.Executed);
        Assert.True(second.Cached);
        Assert.Equal(first.Result.Id, second.Result.Id);
    }

    [Fact]
    public async Task EditingAnUnrelatedContextFileKeepsTheCopyCached()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        harness.Write("other", "1");
        var copy = new CopyAction(0, "/a.txt", "/a.txt") { CreateDestinationPath = true };
        await harness.SolveAsync(BuildHarness.File(new FileOp(-1, [copy]), harness.Local()));
        harness.Write("other", "2");

        var second = await harness.SolveAsync(BuildHarness.File(new FileOp(-1, [copy]), harness.Local()));

        Assert.True(second.Cached);
    }
}

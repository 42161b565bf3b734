using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Snapshots.Unix;

namespace Kiln.IntegrationTests.Build;

/// <summary>mkdir, mkfile, rm and symlink actions applied in order on a result snapshot.</summary>
public sealed class PathActionTests
{
    [Fact]
    public async Task ActionsApplyInOrderWithTheirModesOwnersAndTimes()
    {
        await using var harness = await BuildHarness.CreateAsync();
        var time = new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var actions = new FileAction[]
        {
            new MkdirAction("/a/b/c", 0x1C0) { MakeParents = true, Owner = new FileOwner("nobody"), Timestamp = time },
            new MkfileAction("/a/b/c/f", 0x1A0, [.. "data"u8.ToArray()]) { Owner = new FileOwner("7", "8") },
            new MkfileAction("/a/gone", 0x1A4, []),
            new SymlinkAction("c/f", "/a/b/link") { Owner = new FileOwner("5") },
            new RmAction("/a/gone"),
            new RmAction("/a/never") { AllowNotFound = true },
            new MkdirAction("/a/b", 0x1FF),
            new MkdirAction("/t/u", 0x1ED) { MakeParents = true, Timestamp = time },
        };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(0, [.. actions]), BuildHarness.Busybox()));

        FileInfoAssert.Directory(Path.Combine(view.Path, "a/b/c"), 0x1C0, 65534, 65534);
        FileInfoAssert.Directory(Path.Combine(view.Path, "a/b"), 0x1C0, 65534, 65534);
        FileInfoAssert.File(Path.Combine(view.Path, "a/b/c/f"), 0x1A0, 7, 8, "data");
        FileInfoAssert.Symlink(Path.Combine(view.Path, "a/b/link"), "c/f", 5, 5);
        FileInfoAssert.Missing(Path.Combine(view.Path, "a/gone"));
        Assert.Equal(time.ToUnixTimeSeconds(), FileStatus.Get(Path.Combine(view.Path, "t/u")).MtimeSeconds);
    }

    [Fact]
    public async Task RemovingAWildcardDeletesEveryMatchOfTheBase()
    {
        await using var harness = await BuildHarness.CreateAsync();
        var op = new FileOp(0, [new RmAction("/bin/s*") { AllowWildcard = true }]);

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(op, BuildHarness.Busybox()));

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(view.Path, "bin"), "s*"));
        Assert.True(File.Exists(Path.Combine(view.Path, "bin/busybox")));
    }

    public static TheoryData<string> Failures => [.. FailureCases.Keys];

    private static Dictionary<string, (FileAction Action, ErrorCode Code)> FailureCases => new()
    {
        ["rm of a missing path"] = (new RmAction("/nothing"), ErrorCodes.FilePathNotFound),
        ["mkdir without parents"] = (new MkdirAction("/x/y", 0x1ED), ErrorCodes.FilePathNotFound),
        ["mkfile in a missing directory"] = (new MkfileAction("/x/y", 0x1A4, []), ErrorCodes.FilePathNotFound),
        ["symlink over an existing path"] = (new SymlinkAction("x", "/bin"), ErrorCodes.FileDestinationConflict),
        ["directory contents onto a file"] = (new CopyAction(0, "/bin", "/etc/passwd") { CopyDirectoryContents = true }, ErrorCodes.FileDestinationConflict),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FailuresCarryTheirCodeAndTheVertexSpan(string name)
    {
        var (action, code) = FailureCases[name];
        await using var harness = await BuildHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(BuildHarness.File(new FileOp(0, [action]), BuildHarness.Busybox())));

        Assert.Equal(code, error.Code);
        Assert.Equal(BuildHarness.Span, error.Span);
        Assert.All(await harness.Snapshotter.ListAsync(CancellationToken.None), s => Assert.Equal(Kiln.Snapshots.SnapshotKind.Committed, s.Kind));
    }
}

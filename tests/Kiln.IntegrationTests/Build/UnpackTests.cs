using System.Diagnostics;
using Kiln.Graph;

namespace Kiln.IntegrationTests.Build;

/// <summary>ADD of a local archive: every compression BuildKit recognises is extracted, anything else copied.</summary>
public sealed class UnpackTests
{
    public static TheoryData<string, string?> Compressions => new()
    {
        { "app.tar", null },
        { "app.tar.gz", "gzip" },
        { "app.tar.bz2", "bzip2" },
        { "app.tar.xz", "xz" },
        { "app.tar.zst", "zstd" },
    };

    [Theory]
    [MemberData(nameof(Compressions))]
    public async Task ALocalArchiveIsExtractedWithItsOwnersAndModes(string name, string? compressor)
    {
        await using var harness = await BuildHarness.CreateAsync();
        var content = Path.Combine(harness.Context, "..", "tree");
        Directory.CreateDirectory(Path.Combine(content, "etc"));
        File.WriteAllText(Path.Combine(content, "etc/conf"), "conf");
        Kiln.Snapshots.Unix.FileOps.Chmod(Path.Combine(content, "etc/conf"), 0x1E0);
        File.CreateSymbolicLink(Path.Combine(content, "link"), "etc/conf");
        Run("tar", "--owner=12", "--group=34", "-cf", Path.Combine(harness.Context, "app.tar"), "-C", content, ".");
        if (compressor is not null)
        {
            Run(compressor, "-q", Path.Combine(harness.Context, "app.tar"));
            File.Delete(Path.Combine(harness.Context, "app.tar"));
            var produced = Directory.EnumerateFiles(harness.Context).Single();
            File.Move(produced, Path.Combine(harness.Context, name));
        }

        var add = new CopyAction(0, "/" + name, "/opt/") { AttemptUnpack = true, AllowWildcard = true, CreateDestinationPath = true, FollowSymlinks = true };
        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [add]), harness.Local()));

        FileInfoAssert.File(Path.Combine(view.Path, "opt/etc/conf"), 0x1E0, 12, 34, "conf");
        FileInfoAssert.Symlink(Path.Combine(view.Path, "opt/link"), "etc/conf", 12, 34);
        FileInfoAssert.Missing(Path.Combine(view.Path, "opt", name));
    }

    [Fact]
    public async Task AFileThatIsNoArchiveIsCopiedEvenWithAnArchiveName()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("fake.tar.gz", "not an archive");
        harness.Write("short.tar", "x");
        var add = new CopyAction(0, "/*.tar*", "/opt/") { AttemptUnpack = true, AllowWildcard = true, CreateDestinationPath = true };

        await using var view = await harness.SolveAndViewAsync(BuildHarness.File(new FileOp(-1, [add]), harness.Local()));

        FileInfoAssert.File(Path.Combine(view.Path, "opt/fake.tar.gz"), 0x1A4, 0, 0, "not an archive");
        FileInfoAssert.File(Path.Combine(view.Path, "opt/short.tar"), 0x1A4, 0, 0, "x");
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}: see scripts/setup.sh");
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {process.StandardError.ReadToEnd()}");
    }
}

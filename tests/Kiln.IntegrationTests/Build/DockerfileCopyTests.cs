using System.Diagnostics;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.IntegrationTests.Registry;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Build;

/// <summary>Dockerfiles converted by the real converter and solved by the file runners: the graph they produce runs.</summary>
public sealed class DockerfileCopyTests
{
    private static readonly Platform Amd64 = new("linux", "amd64");

    [Fact]
    public async Task CopyAndAddInstructionsProduceBuildKitsFilesystem()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        harness.Write("b.txt", "b");
        harness.Write("dir/x", "x");
        harness.Write("ignored.log", "log");
        var tree = Path.Combine(harness.Context, "..", "tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "inside"), "in");
        Run("tar", "-czf", Path.Combine(harness.Context, "app.tar.gz"), "-C", tree, ".");
        var dockerfile = $"""
            FROM {LocalRegistry.Address}/busybox:latest
            WORKDIR /app
            COPY --chown=nobody:nogroup a.txt ./
            COPY --chmod=751 dir/ /opt/dir/
            COPY --link b.txt /linked/
            COPY *.log /logs/
            COPY <<EOF /heredoc.txt
            hello
            EOF
            ADD app.tar.gz /unpacked/
            COPY --chown=nobody dir /own/
            COPY --chmod=4755 a.txt /suid
            ADD --chown=nobody app.tar.gz /unpacked2/
            """;

        var root = await ConvertAsync(dockerfile, excludes: ["*.log"]);
        await using var view = await harness.SolveAndViewAsync(root);

        FileInfoAssert.File(Path.Combine(view.Path, "app/a.txt"), 0x1A4, 65534, 65534, "a");
        FileInfoAssert.File(Path.Combine(view.Path, "opt/dir/x"), 0x1E9, 0, 0, "x");
        FileInfoAssert.File(Path.Combine(view.Path, "linked/b.txt"), 0x1A4, 0, 0, "b");
        FileInfoAssert.File(Path.Combine(view.Path, "heredoc.txt"), 0x1A4, 0, 0, "hello\n");
        FileInfoAssert.File(Path.Combine(view.Path, "unpacked/inside"), 0x1A4, 0, 0, "in");
        FileInfoAssert.Missing(Path.Combine(view.Path, "logs"));
        FileInfoAssert.Directory(Path.Combine(view.Path, "app"), 0x1ED, 0, 0);
        FileInfoAssert.Directory(Path.Combine(view.Path, "opt/dir"), 0x1ED, 0, 0);
        FileInfoAssert.Directory(Path.Combine(view.Path, "own"), 0x1ED, 65534, 65534);
        FileInfoAssert.File(Path.Combine(view.Path, "own/x"), 0x1A4, 65534, 65534, "x");
        FileInfoAssert.File(Path.Combine(view.Path, "suid"), 0x9ED, 0, 0, "a");
        FileInfoAssert.Directory(Path.Combine(view.Path, "unpacked2"), 0x1ED, 65534, 65534);
        FileInfoAssert.File(Path.Combine(view.Path, "unpacked2/inside"), 0x1A4, 0, 0, "in");
        Assert.True(File.Exists(Path.Combine(view.Path, "bin/busybox")));
    }

    [Fact]
    public async Task AMissingCopySourceFailsAtItsLine()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        var root = await ConvertAsync($"FROM {LocalRegistry.Address}/busybox:latest\nCOPY a.txt /a\nCOPY missing.txt /m\n");

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(root));

        Assert.Equal(ErrorCodes.CopySourceNotFound, error.Code);
        Assert.Equal(3, error.Span?.Start.Line);
    }

    [Fact]
    public async Task ALinkedCopyTakesNumericOwnersButFailsOnNamesAsBuildKitDoes()
    {
        await using var harness = await BuildHarness.CreateAsync();
        harness.Write("a.txt", "a");
        var numeric = await ConvertAsync($"FROM {LocalRegistry.Address}/busybox:latest\nCOPY --link --chown=5:6 a.txt /l/\n");
        var named = await ConvertAsync($"FROM {LocalRegistry.Address}/busybox:latest\nCOPY --link --chown=nobody a.txt /l/\n");

        await using (var view = await harness.SolveAndViewAsync(numeric))
        {
            FileInfoAssert.File(Path.Combine(view.Path, "l/a.txt"), 0x1A4, 5, 6, "a");
        }

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(named));
        Assert.Equal(ErrorCodes.OwnerNameWithoutBase, error.Code);
        Assert.Equal(2, error.Span?.Start.Line);
    }

    private static async Task<Vertex> ConvertAsync(string dockerfile, string[]? excludes = null)
    {
        var request = new ConversionRequest(dockerfile, (_, _, _) => ValueTask.FromResult<ImageConfig?>(null))
        {
            TargetPlatforms = [Amd64],
            BuildPlatform = Amd64,
            ContextExcludes = [.. excludes ?? []],
        };
        var result = await DockerfileConverter.ConvertAsync(request, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Platforms).Root!;
    }

    private static void Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

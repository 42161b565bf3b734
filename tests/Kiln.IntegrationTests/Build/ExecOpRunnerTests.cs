using Kiln.Diagnostics;
using Kiln.Exec;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;
using Kiln.Solver.Cache;

namespace Kiln.IntegrationTests.Build;

/// <summary>RUN steps through the scheduler with busybox from the local registry and a real runc.</summary>
public sealed class ExecOpRunnerTests
{
    [Fact]
    public async Task RunWritesFilesOnTopOfBusyboxAndLeavesNoRuntimeFilesInItsLayer()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var run = new Vertex(new ExecOp(["/bin/sh", "-c", "echo hello > /hello; pwd > /pwd; echo out; echo err >&2"], [ExecBuildRoot.RootMount]) { Cwd = "/work" }, [busybox]);

        var result = await build.SolveAsync(run);

        Assert.Equal("hello\n", await build.ReadAsync(result.Result, "hello"));
        Assert.Equal("/work\n", await build.ReadAsync(result.Result, "pwd"));
        Assert.NotNull(await build.ReadAsync(result.Result, "etc/passwd"));
        Assert.Equal("out\n", build.Logs(run, LogStream.Stdout));
        Assert.Equal("err\n", build.Logs(run, LogStream.Stderr));

        // /etc/hosts and /etc/resolv.conf were mount points during the run: neither they nor the copied-up /etc remain.
        // runc's /dev, /proc and /sys mount points stay, as in BuildKit's layer for this busybox (which lacks them).
        Assert.Equal(["dev", "hello", "proc", "pwd", "sys", "work"], await build.LayerEntriesAsync(result.Result));
        var top = await build.Snapshotter.StatAsync(result.Result.Id, CancellationToken.None);
        Assert.Equal((await build.SolveAsync(busybox)).Result.Id, top!.Parent);
    }

    [Fact]
    public async Task OnlyDirectoriesTheStepMerelyCopiedUpArePrunedFromItsLayer()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var data = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "mkdir /data && echo a > /data/x");
        var run = ExecBuildRoot.Run(data, "chmod 700 /root; rm /etc/group; mkdir /usr/x && rmdir /usr/x; rm -rf /sbin /data && mkdir /sbin /data");

        var result = await build.SolveAsync(run);

        // /root changed mode, /etc holds a whiteout, /data is opaque over files; /usr was only copied up and /sbin
        // is opaque over an empty directory: BuildKit's layer (checked with buildx) has neither.
        Assert.Equal(["data", "etc", "etc/group", "root"], await build.LayerEntriesAsync(result.Result));
        Assert.Null(await build.ReadAsync(result.Result, "etc/group"));
        Assert.Empty(await build.ListAsync(result.Result, "data"));
    }

    [Fact]
    public async Task SecondSolveIsACacheHitThatNeedsNoRuntime()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "echo once >> /count");

        var first = await build.SolveAsync(run);
        var second = await build.SolveAsync(run);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.Result, second.Result);
        Assert.Equal("once\n", await build.ReadAsync(second.Result, "count"));
        Assert.Equal(1, build.ExecutorStarts);
    }

    [Fact]
    public async Task ConcurrentSessionsRunningTheSameStepShareOneResult()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        await build.SolveAsync(busybox);
        var run = ExecBuildRoot.Run(busybox, "echo same > /same");

        var results = await Task.WhenAll(build.SolveAsync(run, new MemoryCacheStore()), build.SolveAsync(run, new MemoryCacheStore()));

        Assert.Equal(results[0].Result.Id, results[1].Result.Id);
        Assert.Equal("same\n", await build.ReadAsync(results[0].Result, "same"));
        Assert.All(await build.SnapshotsAsync(), s => Assert.Equal(SnapshotKind.Committed, s.Kind));
        Assert.Empty(build.MountPointsLeft());
    }

    [Fact]
    public async Task FailingStepReportsTheExitCodeAtTheVertexSpanAndLeavesNoSnapshot()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var span = SourceSpan.Lines("Dockerfile", 3, 3);
        var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "echo partial > /partial; exit 3", metadata: new VertexMetadata { Source = span });

        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => build.SolveAsync(run));

        Assert.Equal(ErrorCodes.ProcessFailed, error.Code);
        Assert.Equal(span, error.Span);
        Assert.Equal(3, error.Status.Code);
        Assert.All(await build.SnapshotsAsync(), s => Assert.Equal(SnapshotKind.Committed, s.Kind));
        Assert.Empty(build.MountPointsLeft());
    }

    [Fact]
    public async Task CancelledStepIsKilledAndLeavesNoSnapshotOrMount()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        await build.SolveAsync(busybox);
        var run = ExecBuildRoot.Run(busybox, "echo started; sleep 60");
        using var cancellation = new CancellationTokenSource();
        var solving = build.SolveAsync(run, cancellationToken: cancellation.Token);
        while (!build.Logs(run, LogStream.Stdout).Contains("started", StringComparison.Ordinal))
        {
            Assert.False(solving.IsCompleted, "the step ended before it was cancelled");
            await Task.Delay(20);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solving);

        // The caller stops waiting at once; the step itself reports its end once the runner has cleaned up.
        while (!build.Events.Any(e => e is VertexErrored { } x && x.Vertex == run.Digest || e is VertexCompleted { } c && c.Vertex == run.Digest))
        {
            await Task.Delay(20);
        }

        Assert.Contains(build.Events, e => e is VertexErrored { } x && x.Vertex == run.Digest);

        Assert.All(await build.SnapshotsAsync(), s => Assert.Equal(SnapshotKind.Committed, s.Kind));
        Assert.Empty(build.MountPointsLeft());
    }

    [Fact]
    public async Task CopyDriverRunsStepsToo()
    {
        await using var build = await ExecBuildRoot.CreateAsync(copy: true);
        var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "echo copy > /copied");

        var result = await build.SolveAsync(run);

        Assert.Equal("copy", build.Snapshotter.Driver);
        Assert.Equal("copy\n", await build.ReadAsync(result.Result, "copied"));
        Assert.NotNull(await build.ReadAsync(result.Result, "etc/passwd"));

        // /etc only held the runtime's mount stubs (hosts, resolv.conf): its time changed, nothing below it did.
        var changed = (await build.Snapshotter.ChangesAsync(result.Result.Id, CancellationToken.None)).Select(c => c.Path).ToList();
        Assert.Contains("copied", changed);
        Assert.DoesNotContain(changed, p => p == "etc" || p.StartsWith("etc/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConvertedDockerfileRunsAndItsFailingRunReportsItsLine()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = $"{Registry.LocalRegistry.Address}/busybox:latest";
        var good = await build.ConvertAsync($"FROM {busybox}\nENV GREETING=hi\nRUN --mount=type=cache,target=/c echo $GREETING | tee /c/g > /greeting\n");
        var bad = await build.ConvertAsync($"FROM {busybox}\nRUN echo ok\nRUN echo failing && exit 7\n");

        var result = await build.SolveAsync(good);
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => build.SolveAsync(bad));

        Assert.Equal("hi\n", await build.ReadAsync(result.Result, "greeting"));
        Assert.Equal(7, error.Status.Code);
        Assert.Equal(3, error.Span!.Start.Line);
        Assert.Equal("Dockerfile", error.Span.File);
    }

    [Fact]
    public async Task ForeignPlatformStepRunsUnderQemu()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var arm64 = Platform.Parse("linux/arm64");
        var run = new Vertex(new ExecOp(["/bin/sh", "-c", "uname -m > /machine"], [ExecBuildRoot.RootMount]) { Platform = arm64 }, [ExecBuildRoot.Busybox("linux/arm64")]);

        var result = await build.SolveAsync(run);

        Assert.Equal("aarch64\n", await build.ReadAsync(result.Result, "machine"));
    }

    [Theory]
    [InlineData("network host")]
    [InlineData("security insecure")]
    public async Task PrivilegedStepWithoutTheEntitlementFailsBeforeTheRuntimeStarts(string privilege)
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var op = new ExecOp(["/bin/true"], [ExecBuildRoot.RootMount]);
        op = privilege == "network host" ? op with { Network = Graph.NetworkMode.Host } : op with { Security = Graph.SecurityMode.Insecure };
        var run = new Vertex(op, [ExecBuildRoot.Busybox()]);

        var error = await Assert.ThrowsAsync<KilnException>(() => build.SolveAsync(run));

        Assert.Equal(ErrorCodes.EntitlementRequired, error.Code);
        Assert.Equal(0, build.ExecutorStarts);
    }

    [Fact]
    public async Task GrantedInsecureStepGetsEveryCapabilityAndUserIsApplied()
    {
        var session = ExecSession.Default with { Entitlements = Entitlements.Parse(["security.insecure"], out _) };
        await using var build = await ExecBuildRoot.CreateAsync(session);
        var busybox = ExecBuildRoot.Busybox();
        const string Script = "grep CapEff /proc/self/status | cut -f2 > /tmp/caps; id -u > /tmp/uid";
        var insecure = new Vertex(new ExecOp(["/bin/sh", "-c", Script], [ExecBuildRoot.RootMount]) { Security = Graph.SecurityMode.Insecure }, [busybox]);
        var sandboxed = new Vertex(new ExecOp(["/bin/sh", "-c", Script], [ExecBuildRoot.RootMount]) { User = "65534" }, [busybox]);

        var full = await build.SolveAsync(insecure);
        var confined = await build.SolveAsync(sandboxed);

        var hostBounding = File.ReadLines("/proc/self/status").First(l => l.StartsWith("CapBnd:", StringComparison.Ordinal))[7..].Trim();
        Assert.Equal(hostBounding + "\n", await build.ReadAsync(full.Result, "tmp/caps"));
        Assert.Equal("0\n", await build.ReadAsync(full.Result, "tmp/uid"));
        Assert.Equal("0000000000000000\n", await build.ReadAsync(confined.Result, "tmp/caps"));
        Assert.Equal("65534\n", await build.ReadAsync(confined.Result, "tmp/uid"));
    }

    [Fact]
    public async Task NetworkNoneLeavesOnlyLoopbackAndGrantedHostNetworkSeesTheHosts()
    {
        var session = ExecSession.Default with { Entitlements = Entitlements.Parse(["network.host"], out _) };
        await using var build = await ExecBuildRoot.CreateAsync(session);
        var busybox = ExecBuildRoot.Busybox();
        const string Script = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort > /interfaces";
        var none = new Vertex(new ExecOp(["/bin/sh", "-c", Script], [ExecBuildRoot.RootMount]) { Network = Graph.NetworkMode.None }, [busybox]);
        var host = new Vertex(new ExecOp(["/bin/sh", "-c", Script], [ExecBuildRoot.RootMount]) { Network = Graph.NetworkMode.Host }, [busybox]);

        var isolated = await build.SolveAsync(none);
        var shared = await build.SolveAsync(host);

        Assert.Equal("lo\n", await build.ReadAsync(isolated.Result, "interfaces"));
        var hostInterfaces = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name).Order(StringComparer.Ordinal);
        Assert.Equal(string.Concat(hostInterfaces.Select(i => i + "\n")), await build.ReadAsync(shared.Result, "interfaces"));
    }
}

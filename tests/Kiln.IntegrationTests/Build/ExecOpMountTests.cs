using System.Net.Sockets;
using Kiln.Diagnostics;
using Kiln.Exec;
using Kiln.Exec.Mounts;
using Kiln.Graph;

namespace Kiln.IntegrationTests.Build;

/// <summary>RUN mounts through the scheduler: binds of other results, caches, secrets, ssh, outputs.</summary>
public sealed class ExecOpMountTests
{
    [Fact]
    public async Task BindMountsShowAnotherResultWithoutChangingIt()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var data = ExecBuildRoot.Run(busybox, "mkdir /data && echo a > /data/x");
        var run = ExecBuildRoot.Run(
            busybox,
            "cat /src/x > /copy; echo changed > /rw/x; cat /rw/x > /rwcopy; touch /src/y 2>/dev/null || echo ro > /denied",
            [new ExecMount("/src") { Input = 1, Selector = "/data", ReadOnly = true }, new ExecMount("/rw") { Input = 1, Selector = "/data" }],
            [data]);

        var result = await build.SolveAsync(run);

        Assert.Equal("a\n", await build.ReadAsync(result.Result, "copy"));
        Assert.Equal("changed\n", await build.ReadAsync(result.Result, "rwcopy"));
        Assert.Equal("ro\n", await build.ReadAsync(result.Result, "denied"));
        Assert.Equal(["copy", "denied", "dev", "proc", "rwcopy", "sys"], await build.LayerEntriesAsync(result.Result));
        var source = (await build.SolveAsync(data)).Result;
        Assert.Equal("a\n", await build.ReadAsync(source, "data/x"));
        Assert.Null(await build.ReadAsync(source, "data/y"));
    }

    [Fact]
    public async Task CacheMountPersistsBetweenTwoDifferentSteps()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var cache = new ExecMount("/var/cache/app") { Type = MountType.Cache, Cache = new CacheMountOptions("app") };
        var write = ExecBuildRoot.Run(busybox, "echo 1 > /var/cache/app/v", [cache]);
        var elsewhere = cache with { Destination = "/c", Cache = new CacheMountOptions("app", Graph.CacheSharing.Locked) };
        var read = ExecBuildRoot.Run(busybox, "cat /c/v > /seen", [elsewhere]);

        var written = await build.SolveAsync(write);
        var seen = await build.SolveAsync(read);

        Assert.Equal("1\n", await build.ReadAsync(seen.Result, "seen"));
        Assert.Equal(ExecBuildRoot.RuntimeDirectories, await build.LayerEntriesAsync(written.Result));
        Assert.Equal(["dev", "proc", "seen", "sys"], await build.LayerEntriesAsync(seen.Result));
    }

    [Fact]
    public async Task NewCacheIsSeededFromAnotherResultWithItsModeAndOwner()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var data = ExecBuildRoot.Run(busybox, "mkdir /data && echo seed > /data/x");
        var cache = new ExecMount("/c") { Type = MountType.Cache, Input = 1, Selector = "/data", Cache = new CacheMountOptions("seeded") { Mode = 448, Uid = 1000, Gid = 100 } };
        var run = ExecBuildRoot.Run(busybox, "cat /c/x > /seen; stat -c '%a %u %g' /c > /stat", [cache], [data]);

        var result = await build.SolveAsync(run);

        Assert.Equal("seed\n", await build.ReadAsync(result.Result, "seen"));
        Assert.Equal("700 1000 100\n", await build.ReadAsync(result.Result, "stat"));
    }

    [Fact]
    public async Task SecretIsReadableDuringTheStepAndAbsentFromTheResult()
    {
        const string Variable = "KILN_TEST_EXEC_SECRET";
        var secrets = SecretStore.Create([new SecretSource("token", null, Variable)], name => name == Variable ? "s3cret" : null);
        await using var build = await ExecBuildRoot.CreateAsync(ExecSession.Default with { Secrets = secrets });
        var secret = new ExecMount("/run/secrets/token") { Type = MountType.Secret, ReadOnly = true, Secret = new SecretMountOptions("token") };
        var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "cat /run/secrets/token > /copy; stat -c %a /run/secrets/token > /mode", [secret]);

        var result = await build.SolveAsync(run);

        Assert.Equal("s3cret", await build.ReadAsync(result.Result, "copy"));
        Assert.Equal("400\n", await build.ReadAsync(result.Result, "mode"));
        Assert.Equal(["copy", "dev", "mode", "proc", "sys"], await build.LayerEntriesAsync(result.Result));
    }

    [Fact]
    public async Task SshMountForwardsTheAgentAtTheDefaultSocketWithSshAuthSock()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-ssh-").FullName;
        try
        {
            var agentPath = Path.Combine(directory, "agent.sock");
            using var agent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            agent.Bind(new UnixDomainSocketEndPoint(agentPath));
            agent.Listen(1);
            var agents = SshAgentStore.Create([SshSource.Parse("default=" + agentPath)], _ => null);
            await using var build = await ExecBuildRoot.CreateAsync(ExecSession.Default with { SshAgents = agents });
            var ssh = new ExecMount("/run/buildkit/ssh_agent.0") { Type = MountType.Ssh, ReadOnly = true, Ssh = new SshMountOptions() };
            var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "test -S \"$SSH_AUTH_SOCK\" && echo \"$SSH_AUTH_SOCK\" > /sock", [ssh]);

            var result = await build.SolveAsync(run);

            Assert.Equal("/run/buildkit/ssh_agent.0\n", await build.ReadAsync(result.Result, "sock"));
            Assert.Equal(["dev", "proc", "sock", "sys"], await build.LayerEntriesAsync(result.Result));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task ScriptMountedUnderDevPipesRunsAndLeavesNothingInTheLayer()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var script = ExecBuildRoot.Run(busybox, "mkdir /s && printf '#!/bin/sh\\necho from-script > /out\\n' > /s/run.sh && chmod 755 /s/run.sh");
        var run = new Vertex(
            new ExecOp(["/dev/pipes/run.sh"], [ExecBuildRoot.RootMount, new ExecMount("/dev/pipes/") { Input = 1, Selector = "/s", ReadOnly = true }]),
            [busybox, script]);

        var result = await build.SolveAsync(run);

        Assert.Equal("from-script\n", await build.ReadAsync(result.Result, "out"));
        Assert.Equal(["dev", "out", "proc", "sys"], await build.LayerEntriesAsync(result.Result));
    }

    [Fact]
    public async Task MissingRequiredSecretFailsWithSecretNotFound()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var secret = new ExecMount("/run/secrets/absent") { Type = MountType.Secret, Secret = new SecretMountOptions("absent") };
        var run = ExecBuildRoot.Run(ExecBuildRoot.Busybox(), "true", [secret]);

        var error = await Assert.ThrowsAsync<KilnException>(() => build.SolveAsync(run));

        Assert.Equal(ErrorCodes.SecretNotFound, error.Code);
    }

    [Fact]
    public async Task WritableMountWithAnOutputBecomesThatOutput()
    {
        await using var build = await ExecBuildRoot.CreateAsync();
        var busybox = ExecBuildRoot.Busybox();
        var data = ExecBuildRoot.Run(busybox, "mkdir /data && echo a > /data/x");
        var run = ExecBuildRoot.Run(busybox, "echo new > /out/data/new; echo root > /root-file", [new ExecMount("/out") { Input = 1, Output = 1 }], [data]);

        var output = await build.SolveAsync(new Edge(run, 1));
        var root = await build.SolveAsync(run);

        Assert.Equal(2, run.Op.OutputCount);
        Assert.Equal("new\n", await build.ReadAsync(output.Result, "data/new"));
        Assert.Equal("a\n", await build.ReadAsync(output.Result, "data/x"));
        Assert.Null(await build.ReadAsync(output.Result, "root-file"));
        Assert.Equal("root\n", await build.ReadAsync(root.Result, "root-file"));
        Assert.Equal(["data", "data/new"], await build.LayerEntriesAsync(output.Result));
        Assert.Null(await build.ReadAsync((await build.SolveAsync(data)).Result, "data/new"));
    }
}

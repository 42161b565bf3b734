using Kiln.Diagnostics;
using Kiln.Exec;
using Kiln.Exec.Mounts;

namespace Kiln.IntegrationTests.Exec;

/// <summary>Secret, ssh, tmpfs and bind mounts (real runc).</summary>
public sealed class ExecutorMountTests
{
    private const string SecretValue = "s3cr3t-value-7f1c";

    [Fact]
    public async Task SecretIsAFileAndAnEnvAndLeavesNothingInTheRootfs()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var session = ExecSession.Default with
        {
            Secrets = SecretStore.Create([SecretSource.Parse("id=token,env=KILN_TEST_SECRET")], name => name == "KILN_TEST_SECRET" ? SecretValue : null),
        };
        Assert.DoesNotContain(SecretValue, Environment.GetEnvironmentVariable("KILN_TEST_SECRET") ?? "", StringComparison.Ordinal);
        var mounts = new RunMount[]
        {
            new SecretMount("token"),
            new SecretMount("token") { Env = "TOKEN", Path = "/etc/app/token", Uid = 1000, Mode = (UnixFileMode)Convert.ToInt32("440", 8) },
        };
        var (stdout, _) = await root.RunShellAsync(
            "cat /run/secrets/token; echo; echo $TOKEN; stat -c '%u %a' /run/secrets/token /etc/app/token; grep -c ' /run/secrets/token tmpfs ' /proc/mounts",
            r => r with { Mounts = [.. mounts] },
            session);
        Assert.Equal([SecretValue, SecretValue, "0 400", "1000 440", "1"], stdout);
        Assert.False(Directory.Exists(Path.Combine(root.Rootfs, "run")));
        Assert.False(File.Exists(Path.Combine(root.Rootfs, "etc/app/token")));
        Assert.False(Directory.Exists(Path.Combine(root.Rootfs, "etc/app")));
        var scan = await Infrastructure.ExternalTool.RunAsync("grep", "-r", "-l", SecretValue, root.Directory);
        Assert.Equal("", scan.Output);
    }

    [Fact]
    public async Task MissingRequiredSecretFailsAndOptionalOneIsSkipped()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<KilnException>(() =>
            root.RunShellAsync("true", r => r with { Mounts = [new SecretMount("absent") { Required = true }] }));
        Assert.Equal(ErrorCodes.SecretNotFound, error.Code);
        var (stdout, _) = await root.RunShellAsync("test -e /run/secrets/absent || echo absent", r => r with { Mounts = [new SecretMount("absent")] });
        Assert.Equal(["absent"], stdout);
    }

    [Fact]
    public async Task TmpfsMountIsAnEmptyMemoryFilesystem()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync(
            "grep ' /scratch ' /proc/mounts | cut -d' ' -f3; echo x > /scratch/f; df -k /scratch | tail -1 | awk '{print $2}'",
            r => r with { Mounts = [new TmpfsMount("/scratch") { SizeBytes = 8 * 1024 * 1024 }] });
        Assert.Equal(["tmpfs", "8192"], stdout);
        Assert.False(Directory.Exists(Path.Combine(root.Rootfs, "scratch")));
    }

    [Fact]
    public async Task ReadOnlyBindRefusesWritesAndReadWriteBindDiscardsThem()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var source = Directory.CreateDirectory(Path.Combine(root.Directory, "context")).FullName;
        File.WriteAllText(Path.Combine(source, "input"), "original\n");
        var (ro, _) = await root.RunShellAsync(
            "cat /src/input; echo changed > /src/input 2>/dev/null || echo refused",
            r => r with { Mounts = [new BindMount(source, "/src")] });
        Assert.Equal(["original", "refused"], ro);
        var (rw, _) = await root.RunShellAsync(
            "echo changed > /src/input; touch /src/new; cat /src/input",
            r => r with { Mounts = [new BindMount(source, "/src") { ReadWrite = true }] });
        Assert.Equal(["changed"], rw);
        Assert.Equal("original\n", File.ReadAllText(Path.Combine(source, "input")));
        Assert.False(File.Exists(Path.Combine(source, "new")));
    }

    [Fact]
    public async Task SshAgentSocketIsForwardedAtTheDefaultTarget()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var agentPath = Path.Combine(root.Directory, "agent.sock");
        using var agent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        agent.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(agentPath));
        agent.Listen(4);
        var session = ExecSession.Default with
        {
            SshAgents = SshAgentStore.Create([SshSource.Parse("default=" + agentPath)], _ => null),
        };
        var (stdout, _) = await root.RunShellAsync(
            "echo $SSH_AUTH_SOCK; test -S $SSH_AUTH_SOCK && stat -c '%a %u' $SSH_AUTH_SOCK",
            r => r with { Mounts = [new SshMount { Uid = 65534 }] },
            session);
        Assert.Equal(["/run/buildkit/ssh_agent.0", "600 65534"], stdout);
        Assert.False(Directory.Exists(Path.Combine(root.Rootfs, "run")));
    }
}

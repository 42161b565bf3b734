using Kiln.Diagnostics;
using Kiln.Exec;

namespace Kiln.IntegrationTests.Exec;

/// <summary>The process a step runs: platform, exit codes, output streams, environment and working directory (real runc).</summary>
public sealed class ExecutorProcessTests
{
    [Theory]
    [InlineData("linux/amd64", "x86_64")]
    [InlineData("linux/arm64", "aarch64")]
    [InlineData("linux/arm/v7", "armv7l")]
    public async Task UnameReportsThePlatformsMachine(string platformText, string machine)
    {
        var platform = Kiln.Oci.Platform.Parse(platformText);
        await using var root = await ExecTestRoot.CreateAsync(platform);
        var (stdout, _) = await root.RunShellAsync("uname -m", r => r with { Platform = platform });
        Assert.Equal([machine], stdout);
    }

    [Fact]
    public async Task NonZeroExitThrowsProcessFailedWithTheStatus()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => root.RunShellAsync("exit 3"));
        Assert.Equal(ErrorCodes.ProcessFailed, error.Code);
        Assert.Equal(3, error.Status.Code);
        Assert.Contains("exit code: 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("/bin/sh -c exit 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilledBySignalReportsTheSignal()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<ProcessFailedException>(() => root.RunShellAsync("sh -c 'kill -TERM $$'; exit $?"));
        Assert.Equal(15, error.Status.Signal);
    }

    [Fact]
    public async Task OutputLinesArriveInOrderPerStream()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, stderr) = await root.RunShellAsync("for i in 1 2 3 4 5; do echo out$i; echo err$i >&2; done; printf tail");
        Assert.Equal(["out1", "out2", "out3", "out4", "out5", "tail"], stdout);
        Assert.Equal(["err1", "err2", "err3", "err4", "err5"], stderr);
    }

    [Fact]
    public async Task EnvironmentGetsDefaultPathAndHomeFromPasswd()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("echo $PATH; echo $HOME; echo $FOO; hostname", r => r with { Env = ["FOO=bar baz"] });
        Assert.Equal(["/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "/root", "bar baz", "buildkitsandbox"], stdout);
    }

    [Fact]
    public async Task ImagePathAndExplicitHomeAreKept()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("echo $PATH; echo $HOME", r => r with { Env = ["PATH=/bin", "HOME=/nowhere"] });
        Assert.Equal(["/bin", "/nowhere"], stdout);
    }

    [Fact]
    public async Task MissingWorkingDirectoryIsCreatedRootOwned()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("pwd; stat -c '%u:%g %a' /work/deep/dir", r => r with { WorkingDirectory = "/work/deep/dir", User = "nobody" });
        Assert.Equal(["/work/deep/dir", "0:0 755"], stdout);
        Assert.True(Directory.Exists(Path.Combine(root.Rootfs, "work/deep/dir")));
    }

    [Fact]
    public async Task HostsAndResolvConfAreSuppliedWithoutStubsLeftInTheRootfs()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        File.Delete(Path.Combine(root.Rootfs, "etc/hosts"));
        var (stdout, _) = await root.RunShellAsync("cat /etc/hosts; grep -c nameserver /etc/resolv.conf");
        Assert.Equal("127.0.0.1\tlocalhost buildkitsandbox", stdout[0]);
        Assert.NotEqual("0", stdout[^1]);
        Assert.False(File.Exists(Path.Combine(root.Rootfs, "etc/hosts")));
    }
}

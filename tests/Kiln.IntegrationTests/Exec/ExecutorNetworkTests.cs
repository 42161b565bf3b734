using Kiln.Diagnostics;
using Kiln.Exec;

namespace Kiln.IntegrationTests.Exec;

/// <summary>Network modes and security modes with their entitlements (real runc).</summary>
public sealed class ExecutorNetworkTests
{
    [Fact]
    public async Task NetworkNoneHasOnlyLoopbackAndItIsUp()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("ls /sys/class/net; ip -o link | cut -d: -f2", r => r with { Network = NetworkMode.None });
        Assert.Equal(["lo", " lo"], stdout);
        var (state, _) = await root.RunShellAsync("cat /sys/class/net/lo/flags", r => r with { Network = NetworkMode.None });
        Assert.Equal(1, Convert.ToInt32(state[0], 16) & 1);
    }

    [Fact]
    public async Task DefaultNetworkIsTheHostsNetwork()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("ls /sys/class/net");
        var host = Directory.GetFileSystemEntries("/sys/class/net").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(host, stdout.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HostNetworkNeedsTheEntitlement()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<KilnException>(() => root.RunShellAsync("true", r => r with { Network = NetworkMode.Host }));
        Assert.Equal(ErrorCodes.EntitlementRequired, error.Code);
        var allowed = ExecSession.Default with { Entitlements = Entitlements.Parse(["network.host"], out _) };
        var (stdout, _) = await root.RunShellAsync("echo ok", r => r with { Network = NetworkMode.Host }, allowed);
        Assert.Equal(["ok"], stdout);
    }

    [Fact]
    public async Task SandboxHasDockersCapabilitiesAndMaskedPaths()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var (stdout, _) = await root.RunShellAsync("grep CapEff /proc/self/status | cut -f2; wc -c < /proc/timer_list; touch /proc/sys/x 2>/dev/null || echo ro");
        Assert.Equal(["00000000a80425fb", "0", "ro"], stdout);
    }

    [Fact]
    public async Task InsecureNeedsTheEntitlementAndGrantsEveryCapability()
    {
        await using var root = await ExecTestRoot.CreateAsync();
        var error = await Assert.ThrowsAsync<KilnException>(() => root.RunShellAsync("true", r => r with { Security = SecurityMode.Insecure }));
        Assert.Equal(ErrorCodes.EntitlementRequired, error.Code);
        var allowed = ExecSession.Default with { Entitlements = Entitlements.Parse(["security.insecure"], out _) };
        var (stdout, _) = await root.RunShellAsync("grep CapEff /proc/self/status | cut -f2", r => r with { Security = SecurityMode.Insecure }, allowed);
        var hostBounding = File.ReadLines("/proc/self/status").First(l => l.StartsWith("CapBnd:", StringComparison.Ordinal))[7..].Trim();
        Assert.Equal([hostBounding], stdout);
    }
}

using Kiln.Exec;
using Kiln.Exec.Spec;

namespace Kiln.Tests.Exec;

public sealed class NetworkFilesTests
{
    [Fact]
    public void HostsNameLocalhostTheSandboxAndExtraHosts()
    {
        var hosts = NetworkFiles.Hosts("buildkitsandbox", [new("db", "10.0.0.5")]);
        Assert.Equal("127.0.0.1\tlocalhost buildkitsandbox\n::1\tlocalhost ip6-localhost ip6-loopback\n10.0.0.5\tdb\n", hosts);
    }

    [Theory]
    [InlineData("Default", "search corp\nnameserver 10.0.0.2\noptions ndots:2\n")]
    [InlineData("None", "search corp\nnameserver 10.0.0.2\noptions ndots:2\n")]
    [InlineData("Host", "search corp\nnameserver 127.0.0.53\nnameserver 10.0.0.2\nnameserver ::1\noptions ndots:2\n")]
    public void LoopbackNameserversAreDroppedUnlessHostNetwork(string networkName, string expected)
    {
        var network = Enum.Parse<NetworkMode>(networkName);
        const string Host = "search corp\nnameserver 127.0.0.53\nnameserver 10.0.0.2\nnameserver ::1\noptions ndots:2\n";
        Assert.Equal(expected, NetworkFiles.ResolvConf(Host, network));
    }

    [Theory]
    [InlineData("nameserver 127.0.0.1\n")]
    [InlineData("")]
    [InlineData(null)]
    public void NoUsableNameserverFallsBackToPublicResolvers(string? host) =>
        Assert.Equal("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", NetworkFiles.ResolvConf(host, NetworkMode.Default));
}

using System.Net.Sockets;
using Kiln.Diagnostics;
using Kiln.Exec.Mounts;

namespace Kiln.Tests.Exec;

public sealed class SshSourceTests
{
    [Theory]
    [InlineData("default", "default", new string[0])]
    [InlineData("default=/tmp/agent.sock", "default", new[] { "/tmp/agent.sock" })]
    [InlineData("github=/k1,/k2", "github", new[] { "/k1", "/k2" })]
    [InlineData("=/tmp/s", "default", new[] { "/tmp/s" })]
    public void ParsesIdAndPaths(string value, string id, string[] paths)
    {
        var source = SshSource.Parse(value);
        Assert.Equal(id, source.Id);
        Assert.Equal(paths, source.Paths);
    }

    [Fact]
    public void EmptyValueIsInvalid() =>
        Assert.Equal(ErrorCodes.InvalidSshSpec, Assert.Throws<KilnException>(() => SshSource.Parse(" ")).Code);

    [Fact]
    public void AgentSocketComesFromSshAuthSockByDefault()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "agent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var store = SshAgentStore.Create([SshSource.Parse("default")], name => name == "SSH_AUTH_SOCK" ? path : null);
        Assert.True(store.TryGetSocket("default", out var socket));
        Assert.Equal(path, socket);
    }

    [Fact]
    public void MissingAgentAndKeyFilesAreClearErrors()
    {
        using var dir = new TempDirectory();
        var key = Path.Combine(dir.Path, "id_ed25519");
        File.WriteAllText(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Assert.Equal(ErrorCodes.SshAgentNotFound, Assert.Throws<KilnException>(() => SshAgentStore.Create([SshSource.Parse("default")], _ => null)).Code);
        Assert.Equal(ErrorCodes.SshAgentNotFound, Assert.Throws<KilnException>(() => SshAgentStore.Create([SshSource.Parse("x=" + dir.Path + "/nope")], _ => null)).Code);
        Assert.Equal(ErrorCodes.SshKeyFilesNotSupported, Assert.Throws<KilnException>(() => SshAgentStore.Create([SshSource.Parse("x=" + key)], _ => null)).Code);
    }
}

using System.Net.Sockets;
using System.Text;
using Kiln.Exec.Mounts;

namespace Kiln.IntegrationTests.Exec;

/// <summary>The socket a step gets for <c>type=ssh</c> forwards every connection to the agent, both ways.</summary>
public sealed class SshAgentProxyTests
{
    [Fact]
    public async Task ForwardsBytesBothWaysWithItsOwnModeAndOwner()
    {
        var directory = Directory.CreateTempSubdirectory("kiln-ssh-").FullName;
        try
        {
            var agentPath = Path.Combine(directory, "agent.sock");
            using var agent = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            agent.Bind(new UnixDomainSocketEndPoint(agentPath));
            agent.Listen(1);
            var echo = Task.Run(async () =>
            {
                using var connection = await agent.AcceptAsync();
                var buffer = new byte[64];
                var read = await connection.ReceiveAsync(buffer);
                await connection.SendAsync(Encoding.UTF8.GetBytes("agent:" + Encoding.UTF8.GetString(buffer, 0, read)));
            });

            var proxyPath = Path.Combine(directory, "proxy.sock");
            await using (var proxy = SshAgentProxy.Start(agentPath, proxyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite, 65534, 65534))
            {
                var owner = await Infrastructure.ExternalTool.OutputOfAsync("stat", "-c", "%a %u:%g", proxyPath);
                Assert.Equal("600 65534:65534", owner.Trim());
                using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await client.ConnectAsync(new UnixDomainSocketEndPoint(proxyPath));
                await client.SendAsync(Encoding.UTF8.GetBytes("hello"));
                var reply = new byte[64];
                var received = await client.ReceiveAsync(reply);
                Assert.Equal("agent:hello", Encoding.UTF8.GetString(reply, 0, received));
                await echo;
            }

            Assert.False(File.Exists(proxyPath));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

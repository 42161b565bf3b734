using System.Net.Sockets;

namespace Kiln.Exec.Mounts;

/// <summary>
/// A unix socket that forwards every connection to an ssh agent, so the step gets a socket with its own mode and
/// owner while the user's agent socket is never touched or exposed by path.
/// </summary>
internal sealed class SshAgentProxy : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly string agentSocket;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task acceptLoop;

    private SshAgentProxy(Socket listener, string agentSocket, string path)
    {
        this.listener = listener;
        this.agentSocket = agentSocket;
        Path = path;
        acceptLoop = AcceptLoopAsync();
    }

    public string Path { get; }

    public static SshAgentProxy Start(string agentSocket, string path, UnixFileMode mode, uint uid, uint gid)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(16);
            Native.SetMode(path, mode);
            Native.Chown(path, uid, gid);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new SshAgentProxy(listener, agentSocket, path);
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
                _ = ForwardAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        using (client)
        {
            using var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await upstream.ConnectAsync(new UnixDomainSocketEndPoint(agentSocket), stopping.Token).ConfigureAwait(false);
                await using var clientStream = new NetworkStream(client, ownsSocket: false);
                await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
                var toAgent = clientStream.CopyToAsync(upstreamStream, stopping.Token);
                var fromAgent = upstreamStream.CopyToAsync(clientStream, stopping.Token);
                await Task.WhenAny(toAgent, fromAgent).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                // A broken forward only fails the ssh client inside the step.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        await acceptLoop.ConfigureAwait(false);
        stopping.Dispose();
        File.Delete(Path);
    }
}

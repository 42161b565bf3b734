using System.Collections.Immutable;
using System.Net.Sockets;
using Kiln.Diagnostics;

namespace Kiln.Exec.Mounts;

/// <summary>
/// The ssh agents a build may forward, by id: each source resolves to one agent socket. Key files (a path that is
/// not a socket) are not supported yet and fail with <see cref="ErrorCodes.SshKeyFilesNotSupported"/>.
/// </summary>
internal sealed class SshAgentStore
{
    private readonly ImmutableDictionary<string, string> sockets;

    private SshAgentStore(ImmutableDictionary<string, string> sockets) => this.sockets = sockets;

    /// <summary>This store's agents plus those of <paramref name="other"/> whose ids this one lacks.</summary>
    public SshAgentStore Union(SshAgentStore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var map = sockets.ToBuilder();
        foreach (var (id, socket) in other.sockets)
        {
            map.TryAdd(id, socket);
        }

        return new SshAgentStore(map.ToImmutable());
    }

    public static SshAgentStore Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

    public static SshAgentStore Create(IEnumerable<SshSource> sources, Func<string, string?> getEnvironmentVariable)
    {
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var paths = source.Paths;
            if (paths.IsDefaultOrEmpty)
            {
                var sock = getEnvironmentVariable("SSH_AUTH_SOCK");
                if (string.IsNullOrEmpty(sock))
                {
                    throw new KilnException(
                        ErrorCodes.SshAgentNotFound,
                        $"invalid empty ssh agent socket for {source.Id}: make sure SSH_AUTH_SOCK is set");
                }

                paths = [sock];
            }

            if (paths.Length != 1 || !IsSocket(paths[0]))
            {
                var notSocket = paths.FirstOrDefault(p => !IsSocket(p)) ?? paths[0];
                if (!File.Exists(notSocket) && !Directory.Exists(notSocket))
                {
                    throw new KilnException(ErrorCodes.SshAgentNotFound, $"ssh agent socket or key {notSocket} for {source.Id} does not exist");
                }

                throw new KilnException(
                    ErrorCodes.SshKeyFilesNotSupported,
                    $"ssh {source.Id}: {notSocket} is not an agent socket; forwarding key files is not supported yet, start ssh-agent, ssh-add the key and pass --ssh {source.Id}=$SSH_AUTH_SOCK");
            }

            map[source.Id] = paths[0];
        }

        return new SshAgentStore(map.ToImmutable());
    }

    public bool TryGetSocket(string id, out string socket) => sockets.TryGetValue(id, out socket!);

    /// <summary>A path is an agent socket when a unix-socket connection to it succeeds.</summary>
    private static bool IsSocket(string path)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

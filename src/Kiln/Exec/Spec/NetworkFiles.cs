using System.Collections.Immutable;
using System.Net;
using System.Text;

namespace Kiln.Exec.Spec;

/// <summary>
/// The /etc/hosts and /etc/resolv.conf a RUN step sees, generated per run and bind-mounted read-only.
/// hosts names localhost and the sandbox hostname; resolv.conf is the host's, minus loopback nameservers
/// (unreachable from another namespace, so kept only for network=host), falling back to public resolvers.
/// </summary>
internal static class NetworkFiles
{
    private static readonly ImmutableArray<string> FallbackNameservers = ["8.8.8.8", "8.8.4.4"];

    public static string Hosts(string hostname, IEnumerable<KeyValuePair<string, string>>? extraHosts = null)
    {
        var text = new StringBuilder();
        text.Append("127.0.0.1\tlocalhost ").Append(hostname).Append('\n');
        text.Append("::1\tlocalhost ip6-localhost ip6-loopback\n");
        foreach (var (name, address) in extraHosts ?? [])
        {
            text.Append(address).Append('\t').Append(name).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Filters the host's resolv.conf text for <paramref name="network"/>; null host text means no file.</summary>
    public static string ResolvConf(string? hostResolvConf, NetworkMode network)
    {
        var keepLoopback = network == NetworkMode.Host;
        var text = new StringBuilder();
        var nameservers = 0;
        foreach (var raw in (hostResolvConf ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var line = raw.TrimEnd('\r');
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "nameserver")
            {
                if (!keepLoopback && IsLoopback(fields[1]))
                {
                    continue;
                }

                nameservers++;
            }

            text.Append(line).Append('\n');
        }

        if (nameservers == 0)
        {
            foreach (var server in FallbackNameservers)
            {
                text.Append("nameserver ").Append(server).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsLoopback(string address)
    {
        var bare = address.Split('%')[0];
        return IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip);
    }
}

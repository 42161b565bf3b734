using System.Globalization;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Validates an EXPOSE entry: <c>port[-port][/tcp|udp|sctp]</c>, optionally prefixed by ip:hostPort:.</summary>
internal static class PortSpec
{
    public static bool IsValid(string spec)
    {
        var slash = spec.LastIndexOf('/');
        var proto = slash < 0 ? "tcp" : spec[(slash + 1)..].ToLowerInvariant();
        if (proto is not ("tcp" or "udp" or "sctp"))
        {
            return false;
        }

        var ports = slash < 0 ? spec : spec[..slash];
        var colon = ports.LastIndexOf(':');
        return IsRange(colon < 0 ? ports : ports[(colon + 1)..]);
    }

    private static bool IsRange(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return IsPort(text, out _);
        }

        return IsPort(text[..dash], out var start) && IsPort(text[(dash + 1)..], out var end) && end >= start;
    }

    private static bool IsPort(string text, out ushort port) =>
        ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port);
}

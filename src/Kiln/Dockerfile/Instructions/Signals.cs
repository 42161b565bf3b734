using System.Globalization;

namespace Kiln.Dockerfile.Instructions;

/// <summary>Validates STOPSIGNAL values as moby does on Linux: a number 1-255, or a signal name with or without "SIG".</summary>
internal static class Signals
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
        "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
        "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
    };

    public static bool IsValid(string raw)
    {
        if (byte.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number != 0;
        }

        var name = raw.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        if (Names.Contains(name))
        {
            return true;
        }

        return Offset(name, "RTMIN+") is >= 1 and <= 15 || Offset(name, "RTMAX-") is >= 1 and <= 14;
    }

    private static int Offset(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}

using System.Globalization;

namespace Kiln.Exec.Runtime;

/// <summary>
/// Container ids name their owner: <c>kiln-&lt;pid&gt;-&lt;process start time&gt;-&lt;random&gt;</c>. A container whose
/// owning kiln process is gone (no such pid, or a pid reused by a later process) is stale.
/// </summary>
internal static class ContainerId
{
    public const string Prefix = "kiln-";

    public static string New() => New(Environment.ProcessId, ProcessStartTime(Environment.ProcessId) ?? 0);

    public static string New(int pid, ulong startTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{pid}-{startTime}-{Guid.NewGuid().ToString("N")[..12]}");

    public static bool TryParseOwner(string id, out int pid, out ulong startTime)
    {
        pid = 0;
        startTime = 0;
        if (!id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = id[Prefix.Length..].Split('-');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out startTime);
    }

    /// <summary>True for a kiln id whose owner no longer runs; ids kiln did not make are never stale.</summary>
    public static bool IsStale(string id) =>
        TryParseOwner(id, out var pid, out var start) && ProcessStartTime(pid) != start;

    /// <summary>Field 22 of /proc/&lt;pid&gt;/stat (clock ticks since boot), or null when there is no such process.</summary>
    public static ulong? ProcessStartTime(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) may contain spaces and parentheses: count fields after its last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }
}

using System.Collections.Immutable;

namespace Kiln.Exec.Users;

/// <summary>One line of /etc/passwd: <c>name:password:uid:gid:gecos:home:shell</c>.</summary>
internal sealed record PasswdEntry(string Name, uint Uid, uint Gid, string Home)
{
    /// <summary>Parses every well-formed line; comments, blank lines and lines with a non-numeric id are skipped, as libc does.</summary>
    public static ImmutableArray<PasswdEntry> ParseAll(string text)
    {
        var entries = ImmutableArray.CreateBuilder<PasswdEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(':');
            if (fields.Length < 4 || !uint.TryParse(fields[2], out var uid) || !uint.TryParse(fields[3], out var gid))
            {
                continue;
            }

            entries.Add(new PasswdEntry(fields[0], uid, gid, fields.Length > 5 ? fields[5] : ""));
        }

        return entries.ToImmutable();
    }
}

using System.Collections.Immutable;

namespace Kiln.Exec.Users;

/// <summary>One line of /etc/group: <c>name:password:gid:member,member</c>.</summary>
internal sealed record GroupEntry(string Name, uint Gid, ImmutableArray<string> Members)
{
    /// <summary>Parses every well-formed line; comments, blank lines and lines with a non-numeric gid are skipped.</summary>
    public static ImmutableArray<GroupEntry> ParseAll(string text)
    {
        var entries = ImmutableArray.CreateBuilder<GroupEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(':');
            if (fields.Length < 3 || !uint.TryParse(fields[2], out var gid))
            {
                continue;
            }

            var members = fields.Length > 3
                ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
                : [];
            entries.Add(new GroupEntry(fields[0], gid, members));
        }

        return entries.ToImmutable();
    }
}

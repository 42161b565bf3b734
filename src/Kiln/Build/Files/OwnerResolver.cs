using System.Globalization;
using Kiln.Graph;

namespace Kiln.Build.Files;

/// <summary>
/// Turns a <see cref="FileOwner"/> into ids as BuildKit does. A number is both uid and gid; a user name is looked up in
/// the destination's <c>/etc/passwd</c> (uid and primary gid), a group name in its <c>/etc/group</c>; a name that is
/// not found (or a missing file) leaves the id 0, as in BuildKit.
/// </summary>
internal static class OwnerResolver
{
    public static FileUser? Resolve(FileOwner? owner, string root)
    {
        if (owner is null)
        {
            return null;
        }

        var uid = 0;
        var gid = 0;
        if (TryParseId(owner.User, out var userId))
        {
            uid = gid = userId;
        }
        else if (Lookup(root, "/etc/passwd", owner.User) is { } passwd && passwd.Length > 3)
        {
            uid = ParseOrZero(passwd[2]);
            gid = ParseOrZero(passwd[3]);
        }

        if (!string.IsNullOrEmpty(owner.Group))
        {
            if (TryParseId(owner.Group, out var groupId))
            {
                gid = groupId;
            }
            else if (Lookup(root, "/etc/group", owner.Group) is { } group && group.Length > 2)
            {
                gid = ParseOrZero(group[2]);
            }
        }

        return new FileUser(uid, gid);
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static int ParseOrZero(string text) => TryParseId(text, out var id) ? id : 0;

    // The fields of the first line of the file whose first field is the name.
    private static string[]? Lookup(string root, string file, string name)
    {
        var path = ScopedPath.Resolve(root, file);
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split(':');
            if (fields[0] == name)
            {
                return fields;
            }
        }

        return null;
    }
}

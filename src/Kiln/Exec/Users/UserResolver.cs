using System.Collections.Immutable;
using System.Globalization;
using Kiln.Diagnostics;

namespace Kiln.Exec.Users;

/// <summary>
/// Resolves a USER value against a rootfs's /etc/passwd and /etc/group with BuildKit's rules. A purely numeric
/// <c>uid:gid</c> (or <c>root</c> on either side) is taken as is, with no lookup and no supplementary groups.
/// Otherwise the user part matches a passwd entry by name or uid (first match wins); a missing name is an error,
/// a missing numeric uid runs with gid 0 and home <c>/</c>. An explicit group matches by name or gid (a missing
/// name is an error); without one the supplementary groups are every group listing the matched user name.
/// </summary>
internal static class UserResolver
{
    private const string DefaultHome = "/";

    /// <summary>Reads /etc/passwd and /etc/group from <paramref name="rootfs"/> (symlinks resolved inside it) and resolves.</summary>
    public static ExecUser Resolve(string rootfs, string? user, SourceSpan? span = null)
    {
        return ResolveFromContents(user, ReadOptional(rootfs, "/etc/passwd"), ReadOptional(rootfs, "/etc/group"), span);
    }

    /// <summary>Resolves from file contents; a null text is a missing file.</summary>
    public static ExecUser ResolveFromContents(string? user, string? passwd, string? group, SourceSpan? span = null)
    {
        if (string.IsNullOrEmpty(user))
        {
            user = "0:0";
        }

        if (TryParseNumericPair(user, out var fastUid, out var fastGid))
        {
            var home = PasswdEntry.ParseAll(passwd ?? "").FirstOrDefault(e => e.Uid == fastUid)?.Home;
            return new ExecUser(fastUid, fastGid, [], string.IsNullOrEmpty(home) ? DefaultHome : home);
        }

        var colon = user.IndexOf(':', StringComparison.Ordinal);
        var userPart = colon < 0 ? user : user[..colon];
        var groupPart = colon < 0 ? null : user[(colon + 1)..];
        if (userPart.Length == 0)
        {
            throw new KilnException(ErrorCodes.InvalidUser, $"invalid user \"{user}\": the user name is empty", span);
        }

        var numericUid = TryParseId(userPart, out var parsedUid);
        var entry = PasswdEntry.ParseAll(passwd ?? "")
            .FirstOrDefault(e => e.Name == userPart || (numericUid && e.Uid == parsedUid));
        ExecUser resolved;
        if (entry is not null)
        {
            resolved = new ExecUser(entry.Uid, entry.Gid, [], string.IsNullOrEmpty(entry.Home) ? DefaultHome : entry.Home);
        }
        else if (numericUid)
        {
            resolved = new ExecUser(parsedUid, 0, [], DefaultHome);
        }
        else
        {
            throw new KilnException(
                ErrorCodes.UserNotFound,
                $"unable to find user {userPart}: no matching entries in passwd file",
                span);
        }

        var groups = GroupEntry.ParseAll(group ?? "");
        if (!string.IsNullOrEmpty(groupPart))
        {
            var match = groups.FirstOrDefault(g => g.Name == groupPart || g.Gid.ToString(CultureInfo.InvariantCulture) == groupPart);
            if (match is not null)
            {
                return resolved with { Gid = match.Gid };
            }

            if (TryParseId(groupPart, out var gid))
            {
                return resolved with { Gid = gid };
            }

            throw new KilnException(
                ErrorCodes.GroupNotFound,
                $"unable to find group {groupPart}: no matching entries in group file",
                span);
        }

        if (entry is null)
        {
            return resolved;
        }

        var supplementary = groups.Where(g => g.Members.Contains(entry.Name)).Select(g => g.Gid).ToImmutableArray();
        return resolved with { AdditionalGids = supplementary };
    }

    private static bool TryParseNumericPair(string value, out uint uid, out uint gid)
    {
        uid = 0;
        gid = 0;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0
            && TryParseRootOrId(value[..colon], out uid)
            && TryParseRootOrId(value[(colon + 1)..], out gid);
    }

    private static bool TryParseRootOrId(string value, out uint id)
    {
        if (value == "root")
        {
            id = 0;
            return true;
        }

        return TryParseId(value, out id);
    }

    private static bool TryParseId(string value, out uint id) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string? ReadOptional(string rootfs, string containerPath)
    {
        var path = RootfsPath.Resolve(rootfs, containerPath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}

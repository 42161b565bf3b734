using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>Sets ownership, permission bits, times and extended attributes of a path, never following a final symlink.</summary>
internal static class PathMetadata
{
    /// <summary>Gives <paramref name="target"/> the metadata of <paramref name="source"/> with the options' overrides.</summary>
    public static void CopyFrom(string sourcePath, FileStatus source, string target, CopyOptions options)
    {
        var owner = options.Owner ?? new FileUser(source.Uid, source.Gid);
        FileOps.Chown(target, owner.Uid, owner.Gid);
        if (!source.IsSymlink)
        {
            FileOps.Chmod(target, options.Mode is { } mode ? (uint)mode : source.Permissions);
        }

        CopyXattrs(sourcePath, target);
        if (options.Timestamp is { } time)
        {
            SetTime(target, time);
        }
        else
        {
            FileOps.SetTimes(target, source.MtimeSeconds, source.MtimeNanoseconds);
        }
    }

    /// <summary>Owner and time of a path a file action created (a directory on the way, a new file): only what is set.</summary>
    public static void ApplyCreated(string target, FileUser? owner, DateTimeOffset? time)
    {
        if (owner is { } user)
        {
            FileOps.Chown(target, user.Uid, user.Gid);
        }

        if (time is { } t)
        {
            SetTime(target, t);
        }
    }

    public static void SetTime(string target, DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }

        FileOps.SetTimes(target, seconds, (int)(remainder * 100));
    }

    // Best effort, as BuildKit: attributes the target filesystem refuses are skipped; overlay internals are never copied.
    private static void CopyXattrs(string source, string target)
    {
        try
        {
            foreach (var (name, value) in Xattrs.List(source))
            {
                if (!name.StartsWith(Xattrs.OverlayPrefix, StringComparison.Ordinal))
                {
                    Xattrs.Set(target, name, value);
                }
            }
        }
        catch (IOException)
        {
        }
    }
}

namespace Kiln.Snapshots.Unix;

/// <summary>Thin wrappers over the libc file calls that throw <see cref="IOException"/> (with errno as HResult) on failure.</summary>
internal static class FileOps
{
    public static bool IsRoot { get; } = OperatingSystem.IsLinux() && LibC.GetEffectiveUserId() == 0;

    public static void MakeNode(string path, uint fileType, uint permissions, long major, long minor)
    {
        if (LibC.MkNod(path, fileType | (permissions & 0xfff), LibC.MakeDevice(major, minor)) != 0)
        {
            throw LibC.Error("mknod", path);
        }
    }

    /// <summary>An overlayfs whiteout (character device 0/0).</summary>
    public static void MakeWhiteout(string path) => MakeNode(path, LibC.ModeCharDevice, 0, 0, 0);

    public static void HardLink(string existing, string newPath)
    {
        if (LibC.Link(existing, newPath) != 0)
        {
            throw LibC.Error($"link {existing} ->", newPath);
        }
    }

    public static void Chown(string path, int uid, int gid)
    {
        if (LibC.LChown(path, uid, gid) != 0)
        {
            throw LibC.Error("lchown", path);
        }
    }

    /// <summary>chmod with the setuid, setgid and sticky bits (which .NET's API drops for some callers).</summary>
    public static void Chmod(string path, uint permissions)
    {
        if (LibC.ChMod(path, permissions & 0xfff) != 0)
        {
            throw LibC.Error("chmod", path);
        }
    }

    /// <summary>Sets access and modification time of the path itself (a symlink is not followed).</summary>
    public static unsafe void SetTimes(string path, long seconds, int nanoseconds)
    {
        var times = stackalloc long[4] { seconds, nanoseconds, seconds, nanoseconds };
        if (LibC.UtimensAt(LibC.AtFdCwd, path, times, LibC.AtSymlinkNoFollow) != 0)
        {
            throw LibC.Error("utimensat", path);
        }
    }

    /// <summary>Removes whatever is at the path (a directory with all its content); nothing happens when it is absent.</summary>
    public static void RemoveAll(string path)
    {
        var status = FileStatus.TryGet(path);
        if (status is null)
        {
            return;
        }

        if (status.Value.IsDirectory)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }
}

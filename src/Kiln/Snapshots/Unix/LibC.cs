using System.Runtime.InteropServices;

namespace Kiln.Snapshots.Unix;

/// <summary>The libc calls .NET has no API for (xattrs, device nodes, hard links, mounts, statx), declared AOT-safe.</summary>
internal static partial class LibC
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const uint StatxBasicStats = 0x7ff;
    public const uint ModeCharDevice = 0x2000;
    public const uint ModeBlockDevice = 0x6000;
    public const uint ModeFifo = 0x1000;
    public const ulong MountReadOnly = 0x1;
    public const ulong MountRemount = 0x20;
    public const ulong MountBind = 0x1000;
    public const ulong MountRecursive = 0x4000;
    public const int DetachUnmount = 2;
    public const int OpenPath = 0x200000;
    public const int OpenDirectory = 0x10000;
    public const int OpenCloseOnExec = 0x80000;
    public const int NoData = 61; // ENODATA
    public const int NotSupported = 95; // EOPNOTSUPP
    public const int Range = 34; // ERANGE

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lsetxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial int LSetXattr(string path, string name, byte* value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "lgetxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial nint LGetXattr(string path, string name, byte* value, nuint size);

    [LibraryImport("libc", EntryPoint = "llistxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial nint LListXattr(string path, byte* list, nuint size);

    [LibraryImport("libc", EntryPoint = "mknod", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int MkNod(string path, uint mode, ulong device);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Link(string existing, string newPath);

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int LChown(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "chmod", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ChMod(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static unsafe partial int UtimensAt(int dirFd, string path, long* times, int flags);

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Mount(string? source, string target, string? fileSystemType, ulong flags, string? data);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Unmount(string target, int flags);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    /// <summary>makedev as glibc encodes it.</summary>
    public static ulong MakeDevice(long major, long minor)
    {
        var ma = (ulong)major;
        var mi = (ulong)minor;
        return (mi & 0xff) | ((ma & 0xfff) << 8) | ((mi & ~0xffUL) << 12) | ((ma & ~0xfffUL) << 32);
    }

    public static IOException Error(string operation, string path)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{operation} {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
    }
}

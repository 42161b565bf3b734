using System.Runtime.InteropServices;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// <c>statx(2)</c> without following symlinks. statx has one layout on every Linux architecture, unlike
/// <c>struct stat</c>, and gives nanosecond times, inode and owner, which .NET's file APIs do not.
/// </summary>
internal static partial class NativeStat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const int Enoent = 2;
    private const int Enotdir = 20;

    /// <summary>Stats <paramref name="path"/>; false when it does not exist.</summary>
    public static bool TryLstat(string path, out FileStat stat) => TryLstatAt(AtFdCwd, path, out stat);

    /// <summary>Stats <paramref name="path"/> relative to the open directory <paramref name="directoryFd"/>.</summary>
    public static unsafe bool TryLstatAt(int directoryFd, string path, out FileStat stat, int extraFlags = 0)
    {
        var buffer = stackalloc byte[256];
        return Decode(Statx(directoryFd, path, AtSymlinkNoFollow | extraFlags, StatxBasicStats, buffer), path, buffer, out stat);
    }

    /// <summary>Stats the NUL-terminated UTF-8 <paramref name="name"/> in the open directory <paramref name="directoryFd"/>.</summary>
    public static unsafe bool TryLstatAt(int directoryFd, byte* name, string display, out FileStat stat)
    {
        var buffer = stackalloc byte[256];
        return Decode(StatxUtf8(directoryFd, name, AtSymlinkNoFollow, StatxBasicStats, buffer), display, buffer, out stat);
    }

    private static unsafe bool Decode(int result, string path, byte* buffer, out FileStat stat)
    {
        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir)
            {
                stat = default;
                return false;
            }

            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot stat {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        stat = new FileStat(
            Mode: *(ushort*)(buffer + 28),
            Uid: *(uint*)(buffer + 20),
            Gid: *(uint*)(buffer + 24),
            Size: (long)*(ulong*)(buffer + 40),
            MtimeNs: Nanoseconds(buffer + 112),
            CtimeNs: Nanoseconds(buffer + 96),
            Inode: *(ulong*)(buffer + 32),
            Device: ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140));
        return true;
    }

    /// <summary>Stats an open file.</summary>
    public static FileStat Fstat(SafeHandle handle)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return TryLstatAt((int)handle.DangerousGetHandle(), "", out var stat, AtEmptyPath)
                ? stat
                : throw new KilnException(ErrorCodes.ContextReadFailed, "cannot stat an open file");
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    public static FileStat Lstat(string path) =>
        TryLstat(path, out var stat)
            ? stat
            : throw new KilnException(ErrorCodes.ContextNotFound, $"{path}: no such file or directory");

    private static unsafe long Nanoseconds(byte* timestamp) => (*(long*)timestamp * 1_000_000_000L) + *(uint*)(timestamp + 8);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static unsafe partial int StatxUtf8(int dirfd, byte* path, int flags, uint mask, byte* buffer);
}

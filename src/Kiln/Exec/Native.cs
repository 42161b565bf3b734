using System.Runtime.InteropServices;

namespace Kiln.Exec;

/// <summary>The few libc calls .NET does not expose: advisory file locks and ownership changes.</summary>
internal static partial class Native
{
    public const int LockShared = 1;
    public const int LockExclusive = 2;
    public const int LockNonBlocking = 4;
    public const int OpenReadWrite = 2;
    public const int OpenCreate = 0x40;
    public const int OpenCloseOnExec = 0x80000;
    public const int WouldBlock = 11;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "lchown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Lchown(string path, uint owner, uint group);

    /// <summary>Sets permission bits (the executor runs on Linux only).</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("kiln runs steps on Linux only");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Creates a directory (and its missing parents) with <paramref name="mode"/>.</summary>
    public static DirectoryInfo CreateDirectory(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("kiln runs steps on Linux only");
        }

        return Directory.CreateDirectory(path, mode);
    }

    /// <summary>Changes the owner of <paramref name="path"/> (not following a final symlink); throws on failure.</summary>
    public static void Chown(string path, uint uid, uint gid)
    {
        if (Lchown(path, uid, gid) != 0)
        {
            throw new IOException($"chown {path} to {uid}:{gid} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}

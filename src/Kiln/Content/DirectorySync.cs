using System.Runtime.InteropServices;

namespace Kiln.Content;

/// <summary>
/// Flushes a directory entry to disk (open + fsync on the directory), so a rename survives a crash.
/// .NET cannot open a directory as a file, hence the direct libc calls.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    /// <summary>Best effort: a filesystem that cannot sync directories (EINVAL) is not an error.</summary>
    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(path, ReadOnly | Directory | CloseOnExec);
        if (fd < 0)
        {
            return;
        }

        try
        {
            _ = FSync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}

using System.Runtime.InteropServices;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// An open directory descriptor, so that its entries can be stat'ed by name (<c>statx(dirfd, name)</c>)
/// without the kernel walking the full path again for each one.
/// </summary>
internal sealed partial class DirectoryHandle : IDisposable
{
    private const int OpenReadOnly = 0;
    private const int OpenDirectory = 0x10000;
    private const int OpenNoFollow = 0x20000;
    private const int OpenCloseOnExec = 0x80000;

    private int _fd;

    private DirectoryHandle(int fd) => _fd = fd;

    /// <summary>Opens <paramref name="path"/> without following a final symlink.</summary>
    public static DirectoryHandle Open(string path)
    {
        var fd = OpenNative(path, OpenReadOnly | OpenDirectory | OpenNoFollow | OpenCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot open directory {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        return new DirectoryHandle(fd);
    }

    /// <summary>Stats the entry <paramref name="name"/> of this directory; false when it no longer exists.</summary>
    public bool TryLstat(string name, out FileStat stat) => NativeStat.TryLstatAt(_fd, name, out stat);

    public void Dispose()
    {
        if (_fd >= 0)
        {
            _ = Close(_fd);
            _fd = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

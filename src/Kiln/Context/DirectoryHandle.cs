using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// An open directory, read once with <c>readdir</c> while each entry is stat'ed by name against the same
/// descriptor (<c>statx(dirfd, name)</c>), so the kernel never walks the full path again and no name is
/// marshalled twice.
/// </summary>
internal sealed partial class DirectoryHandle : IDisposable
{
    private const int OpenReadOnly = 0;
    private const int OpenDirectory = 0x10000;
    private const int OpenNoFollow = 0x20000;
    private const int OpenCloseOnExec = 0x80000;
    private const int Eacces = 13;

    // glibc and musl on 64-bit Linux: d_ino (8), d_off (8), d_reclen (2), d_type (1), then d_name.
    private const int DirentNameOffset = 19;

    // Names that are not valid UTF-8 cannot be stat'ed back through a string, so the walk never kept them.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private nint _dir;

    private DirectoryHandle(nint dir) => _dir = dir;

    /// <summary>Opens <paramref name="path"/> without following a final symlink; null when access is denied.</summary>
    public static DirectoryHandle? TryOpen(string path, out string error)
    {
        var fd = OpenNative(path, OpenReadOnly | OpenDirectory | OpenNoFollow | OpenCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            error = Marshal.GetPInvokeErrorMessage(errno);
            return errno == Eacces ? null : throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot open directory {path}: {error}");
        }

        var dir = FdOpenDir(fd);
        if (dir == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _ = Close(fd);
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read directory {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        error = "";
        return new DirectoryHandle(dir);
    }

    /// <summary>
    /// Every entry but <c>.</c> and <c>..</c> with its lstat, as <paramref name="prefix"/>/name (or the bare name
    /// under an empty prefix), in code-point order of the names; entries removed while they are read are left out.
    /// </summary>
    // Runs once per entry of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe List<(string Path, FileStat Stat)> ReadSorted(string path, string prefix)
    {
        var fd = DirFd(_dir);
        var entries = new List<(string Path, FileStat Stat)>();
        while (true)
        {
            var dirent = (byte*)ReadDir(_dir);
            if (dirent == null)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != 0)
                {
                    throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read directory {path}: {Marshal.GetPInvokeErrorMessage(errno)}");
                }

                break;
            }

            var name = dirent + DirentNameOffset;
            var length = new ReadOnlySpan<byte>(name, *(ushort*)(dirent + 16) - DirentNameOffset).IndexOf((byte)0);
            if (length < 0 || (name[0] == '.' && (length == 1 || (length == 2 && name[1] == '.'))))
            {
                continue;
            }

            string text;
            try
            {
                text = Join(prefix, name, length);
            }
            catch (DecoderFallbackException)
            {
                continue;
            }

            if (NativeStat.TryLstatAt(fd, name, text, out var stat))
            {
                entries.Add((text, stat));
            }
        }

        // One shared prefix: the paths sort as their names do.
        entries.Sort(static (a, b) => SlashPath.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    // prefix + "/" + the UTF-8 name, decoded straight into the new string.
    private static unsafe string Join(string prefix, byte* name, int length)
    {
        var start = prefix.Length == 0 ? 0 : prefix.Length + 1;
        var chars = StrictUtf8.GetCharCount(new ReadOnlySpan<byte>(name, length));
        return string.Create(start + chars, (Prefix: prefix, Start: start, Name: (nint)name, Length: length), static (span, state) =>
        {
            state.Prefix.CopyTo(span);
            if (state.Start > 0)
            {
                span[state.Start - 1] = '/';
            }

            StrictUtf8.GetChars(new ReadOnlySpan<byte>((byte*)state.Name, state.Length), span[state.Start..]);
        });
    }

    public void Dispose()
    {
        if (_dir != 0)
        {
            _ = CloseDir(_dir);
            _dir = 0;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    private static partial nint FdOpenDir(int fd);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial nint ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    private static partial int DirFd(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint dir);
}

using System.Formats.Tar;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Export.Outputs;

/// <summary>
/// Writes a build result's final filesystem (a mounted read-only view) out: copied into a directory (type=local) or
/// streamed as a tar (type=tar), under a prefix such as <c>linux_amd64/</c> when several platforms are exported.
/// </summary>
internal static class FilesystemWriter
{
    /// <summary>
    /// Copies the tree with modes, times, symlinks and (as root) owners and device nodes; existing files are replaced.
    /// With <paramref name="epoch"/> (SOURCE_DATE_EPOCH) every mtime is set to it, as BuildKit's local exporter does.
    /// </summary>
    public static void Copy(string source, string destination, long? epoch)
    {
        Directory.CreateDirectory(destination);
        var directories = new List<(string Path, FileStatus Status)>();
        foreach (var (relative, path, status) in FilesystemTree.Walk(source))
        {
            var target = Path.Combine(destination, relative);
            try
            {
                CopyEntry(path, target, status, epoch);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KilnException(ErrorCodes.ExportOutputInvalid, $"cannot write {target}: {e.Message}", inner: e);
            }

            if (status.IsDirectory)
            {
                directories.Add((target, status));
            }
        }

        // directory times last: writing into a directory changes its mtime
        foreach (var (path, status) in Enumerable.Reverse(directories))
        {
            FileOps.SetTimes(path, epoch ?? status.MtimeSeconds, epoch is null ? status.MtimeNanoseconds : 0);
        }
    }

    /// <summary>
    /// Writes the tree as tar entries (directories with a trailing slash) under <paramref name="prefix"/>, with owners,
    /// modes and mtimes (all set to <paramref name="epoch"/> when given).
    /// </summary>
    public static async Task WriteTarAsync(TarWriter writer, string source, string prefix, long? epoch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (prefix.Length > 0)
        {
            await WriteTarEntryAsync(writer, source, prefix, FileStatus.Get(source), epoch, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (relative, path, status) in FilesystemTree.Walk(source))
        {
            var name = prefix + relative + (status.IsDirectory ? "/" : "");
            await WriteTarEntryAsync(writer, path, name, status, epoch, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteTarEntryAsync(TarWriter writer, string path, string name, FileStatus status, long? epoch, CancellationToken cancellationToken)
    {
        TarEntryType? type = status.FileType switch
        {
            FileStatus.TypeDirectory => TarEntryType.Directory,
            FileStatus.TypeRegular => TarEntryType.RegularFile,
            FileStatus.TypeSymlink => TarEntryType.SymbolicLink,
            LibC.ModeCharDevice => TarEntryType.CharacterDevice,
            LibC.ModeBlockDevice => TarEntryType.BlockDevice,
            LibC.ModeFifo => TarEntryType.Fifo,
            _ => null, // sockets have no tar form
        };
        if (type is not { } entryType)
        {
            return;
        }

        var entry = new PaxTarEntry(entryType, name)
        {
            Mode = (UnixFileMode)status.Permissions,
            Uid = status.Uid,
            Gid = status.Gid,
            ModificationTime = epoch is { } e
                ? DateTimeOffset.FromUnixTimeSeconds(e)
                : DateTimeOffset.FromUnixTimeSeconds(status.MtimeSeconds).AddTicks(status.MtimeNanoseconds / 100),
        };
        if (entryType == TarEntryType.SymbolicLink)
        {
            entry.LinkName = new FileInfo(path).LinkTarget!;
        }
        else if (entryType is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
        {
            entry.DeviceMajor = (int)status.DeviceMajor;
            entry.DeviceMinor = (int)status.DeviceMinor;
        }

        if (entryType != TarEntryType.RegularFile)
        {
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        var data = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (data.ConfigureAwait(false))
        {
            entry.DataStream = data;
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CopyEntry(string path, string target, FileStatus status, long? epoch)
    {
        var existing = FileStatus.TryGet(target);
        if (existing is { } old && (!old.IsDirectory || !status.IsDirectory))
        {
            FileOps.RemoveAll(target);
        }

        if (status.IsDirectory)
        {
            Directory.CreateDirectory(target);
        }
        else if (status.IsRegular)
        {
            File.Copy(path, target);
        }
        else if (status.IsSymlink)
        {
            File.CreateSymbolicLink(target, new FileInfo(path).LinkTarget!);
        }
        else if (FileOps.IsRoot)
        {
            FileOps.MakeNode(target, status.FileType, status.Permissions, status.DeviceMajor, status.DeviceMinor);
        }
        else
        {
            return; // devices and fifos need root
        }

        if (FileOps.IsRoot)
        {
            FileOps.Chown(target, status.Uid, status.Gid);
        }

        if (!status.IsSymlink)
        {
            FileOps.Chmod(target, status.Permissions);
        }

        FileOps.SetTimes(target, epoch ?? status.MtimeSeconds, epoch is null ? status.MtimeNanoseconds : 0);
    }
}

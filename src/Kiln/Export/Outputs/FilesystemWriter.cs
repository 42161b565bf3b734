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
    /// <summary>Copies the tree with modes, times, symlinks and (as root) owners and device nodes; existing files are replaced.</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        var directories = new List<(string Path, FileStatus Status)>();
        foreach (var (relative, path, status) in FilesystemTree.Walk(source))
        {
            var target = Path.Combine(destination, relative);
            try
            {
                CopyEntry(path, target, status);
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
            FileOps.SetTimes(path, status.MtimeSeconds, status.MtimeNanoseconds);
        }
    }

    /// <summary>Writes the tree as tar entries (directories with a trailing slash) under <paramref name="prefix"/>.</summary>
    public static async Task WriteTarAsync(TarWriter writer, string source, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (prefix.Length > 0)
        {
            await writer.WriteEntryAsync(source, prefix, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (relative, path, status) in FilesystemTree.Walk(source))
        {
            var name = prefix + relative + (status.IsDirectory ? "/" : "");
            await writer.WriteEntryAsync(path, name, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CopyEntry(string path, string target, FileStatus status)
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

        FileOps.SetTimes(target, status.MtimeSeconds, status.MtimeNanoseconds);
    }
}

using Kiln.Context;
using Kiln.Snapshots.Unix;

namespace Kiln.Build.Files;

/// <summary>
/// Writes the entries of a hashed local context into a directory as BuildKit's local source receives them: modes,
/// modification times, symlinks and empty directories kept, every owner reset to 0:0.
/// </summary>
internal static class LocalTreeWriter
{
    public static void Write(ContextSnapshot snapshot, string target, CancellationToken cancellationToken)
    {
        var directories = new List<(string Path, FileStat Stat)>();
        foreach (var entry in snapshot.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = Path.Combine(snapshot.Directory, entry.Path);
            var destination = Path.Combine(target, entry.Path);
            switch (entry.Kind)
            {
                case ContextEntryKind.Directory:
                    Directory.CreateDirectory(destination);
                    directories.Add((destination, entry.Stat));
                    break;
                case ContextEntryKind.File:
                    File.Copy(source, destination, overwrite: true);
                    break;
                case ContextEntryKind.Symlink:
                    File.CreateSymbolicLink(destination, entry.LinkTarget ?? "");
                    break;
                default:
                    FileOps.MakeNode(destination, entry.Stat.Mode & FileStat.TypeMask, entry.Stat.Permissions, 0, 0);
                    break;
            }

            FileOps.Chown(destination, 0, 0);
            if (entry.Kind != ContextEntryKind.Symlink)
            {
                FileOps.Chmod(destination, entry.Stat.Permissions);
            }

            if (entry.Kind != ContextEntryKind.Directory)
            {
                SetTime(destination, entry.Stat);
            }
        }

        // Directory times last, deepest first: creating children changed them.
        for (var i = directories.Count - 1; i >= 0; i--)
        {
            SetTime(directories[i].Path, directories[i].Stat);
        }
    }

    private static void SetTime(string path, FileStat stat) =>
        FileOps.SetTimes(path, Math.DivRem(stat.MtimeNs, 1_000_000_000L, out var nanoseconds), (int)nanoseconds);
}

using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// The changes recorded in an overlayfs upper directory, in tree order with each directory's children sorted ordinally:
/// whiteout devices become deletions, the opaque xattr an opaque marker; every other upper entry is an addition.
/// </summary>
internal static class OverlayChanges
{
    public static IEnumerable<Change> Walk(string upperDirectory) => WalkDirectory(upperDirectory, "");

    internal static string[] SortedNames(string directory)
    {
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names!;
    }

    internal static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}/{name}";

    private static IEnumerable<Change> WalkDirectory(string host, string relative)
    {
        foreach (var name in SortedNames(host))
        {
            var childHost = Path.Combine(host, name);
            var childRelative = Join(relative, name);
            var status = FileStatus.Get(childHost);
            if (status.IsWhiteout)
            {
                yield return new Change(childRelative, ChangeKind.Delete, null);
                continue;
            }

            yield return new Change(childRelative, ChangeKind.Add, childHost);
            if (!status.IsDirectory)
            {
                continue;
            }

            if (Xattrs.TryGet(childHost, Xattrs.OverlayOpaque) is [(byte)'y'])
            {
                yield return new Change(childRelative, ChangeKind.Opaque, null);
            }

            foreach (var change in WalkDirectory(childHost, childRelative))
            {
                yield return change;
            }
        }
    }
}

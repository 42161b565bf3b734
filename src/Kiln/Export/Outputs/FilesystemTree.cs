using Kiln.Snapshots.Layers;
using Kiln.Snapshots.Unix;

namespace Kiln.Export.Outputs;

/// <summary>
/// Walks a directory tree depth first in ordinal name order without following symlinks, yielding each path relative
/// to the root with its lstat; a directory comes before its contents.
/// </summary>
internal static class FilesystemTree
{
    public static IEnumerable<(string Relative, string Path, FileStatus Status)> Walk(string root)
    {
        var pending = new Stack<string>();
        foreach (var name in OverlayChanges.SortedNames(root).Reverse())
        {
            pending.Push(name);
        }

        while (pending.TryPop(out var relative))
        {
            var path = Path.Combine(root, relative);
            var status = FileStatus.Get(path);
            yield return (relative, path, status);
            if (status.IsDirectory)
            {
                foreach (var name in OverlayChanges.SortedNames(path).Reverse())
                {
                    pending.Push(relative + "/" + name);
                }
            }
        }
    }
}

using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots.Layers;

/// <summary>
/// The changes between two full directory trees (copy snapshotter), in the same order and form as
/// <see cref="OverlayChanges"/>: an unchanged directory is archived only when something below it changed.
/// Files are equal when type, mode, owner, size, mtime (to the nanosecond), link target, device and xattrs are;
/// directories when all but the mtime are (as BuildKit's differ: a directory whose time alone changed, say by a file
/// created and removed in it, is archived only when something below it changed).
/// </summary>
internal static class TreeChanges
{
    public static IEnumerable<Change> Compare(string? lowerDirectory, string upperDirectory) =>
        CompareDirectory(lowerDirectory, upperDirectory, "", []);

    private static IEnumerable<Change> CompareDirectory(string? lower, string upper, string relative, List<Change> pending)
    {
        var lowerNames = lower is null ? [] : OverlayChanges.SortedNames(lower);
        var upperNames = OverlayChanges.SortedNames(upper);
        int i = 0, j = 0;
        while (i < lowerNames.Length || j < upperNames.Length)
        {
            var order = i >= lowerNames.Length ? 1 : j >= upperNames.Length ? -1 : string.CompareOrdinal(lowerNames[i], upperNames[j]);
            var name = order < 0 ? lowerNames[i] : upperNames[j];
            var childRelative = OverlayChanges.Join(relative, name);
            var upperHost = Path.Combine(upper, name);
            string? lowerHost = order > 0 ? null : Path.Combine(lower!, name);
            i += order <= 0 ? 1 : 0;
            j += order >= 0 ? 1 : 0;
            if (lowerHost is not null && order < 0)
            {
                foreach (var change in Flush(pending))
                {
                    yield return change;
                }

                yield return new Change(childRelative, ChangeKind.Delete, null);
                continue;
            }

            var upperStatus = FileStatus.Get(upperHost);
            var lowerStatus = lowerHost is null ? null : FileStatus.TryGet(lowerHost);
            var bothDirectories = upperStatus.IsDirectory && lowerStatus is { IsDirectory: true };
            var same = lowerStatus is { } ls && Same(ls, lowerHost!, upperStatus, upperHost);
            var added = new Change(childRelative, ChangeKind.Add, upperHost);
            var before = pending.Count;
            if (same && bothDirectories)
            {
                pending.Add(added);
            }
            else if (!same)
            {
                foreach (var change in Flush(pending))
                {
                    yield return change;
                }

                yield return added;
            }

            if (upperStatus.IsDirectory)
            {
                foreach (var change in CompareDirectory(bothDirectories ? lowerHost : null, upperHost, childRelative, pending))
                {
                    yield return change;
                }
            }

            if (pending.Count > before)
            {
                pending.RemoveAt(pending.Count - 1);
            }
        }
    }

    private static IEnumerable<Change> Flush(List<Change> pending)
    {
        var parents = pending.ToArray();
        pending.Clear();
        return parents;
    }

    private static bool Same(FileStatus lower, string lowerPath, FileStatus upper, string upperPath)
    {
        var directories = lower.IsDirectory && upper.IsDirectory;
        if (lower.Mode != upper.Mode || lower.Uid != upper.Uid || lower.Gid != upper.Gid
            || (!directories && (lower.MtimeSeconds != upper.MtimeSeconds || lower.MtimeNanoseconds != upper.MtimeNanoseconds)))
        {
            return false;
        }

        if ((lower.IsRegular && lower.Size != upper.Size)
            || (lower.IsSymlink && new FileInfo(lowerPath).LinkTarget != new FileInfo(upperPath).LinkTarget)
            || lower.DeviceMajor != upper.DeviceMajor || lower.DeviceMinor != upper.DeviceMinor)
        {
            return false;
        }

        var lowerXattrs = Xattrs.List(lowerPath);
        var upperXattrs = Xattrs.List(upperPath);
        return lowerXattrs.Count == upperXattrs.Count
            && lowerXattrs.All(x => upperXattrs.TryGetValue(x.Key, out var value) && value.AsSpan().SequenceEqual(x.Value));
    }
}

using Kiln.Snapshots.Unix;

namespace Kiln.Build.Snapshots;

/// <summary>
/// Removes from an overlay upper directory the directories a step only copied up: the runtime's mount points
/// (/etc/hosts, /run/secrets/id...) copy their parent directory up even though the stubs are gone after the run.
/// BuildKit's differ skips a directory whose mode, owner and capabilities equal the lower one's unless something
/// below it changed, so such a directory must not reach the layer. Kept: anything non-empty, new, with different
/// metadata, or opaque over a non-empty lower directory (it hides those files). Run it on the unmounted upper only.
/// </summary>
internal static class UpperPruner
{
    private const string Capability = "security.capability";

    /// <summary>Prunes <paramref name="upper"/> against <paramref name="lower"/> (the parent chain's merged view).</summary>
    public static void Prune(string upper, string lower)
    {
        foreach (var directory in Directory.EnumerateDirectories(upper))
        {
            PruneDirectory(directory, Path.Combine(lower, Path.GetFileName(directory)));
        }
    }

    private static void PruneDirectory(string upper, string lower)
    {
        var status = FileStatus.Get(upper);
        if (!status.IsDirectory)
        {
            return;
        }

        foreach (var child in Directory.EnumerateDirectories(upper).ToList())
        {
            PruneDirectory(child, Path.Combine(lower, Path.GetFileName(child)));
        }

        if (!Directory.EnumerateFileSystemEntries(upper).Any() && OnlyCopiedUp(status, upper, lower))
        {
            Directory.Delete(upper);
        }
    }

    private static bool OnlyCopiedUp(FileStatus status, string upper, string lower) =>
        FileStatus.TryGet(lower) is { IsDirectory: true } original
        && original.Mode == status.Mode
        && original.Uid == status.Uid
        && original.Gid == status.Gid
        && (Xattrs.TryGet(upper, Xattrs.OverlayOpaque) is not [(byte)'y'] || !Directory.EnumerateFileSystemEntries(lower).Any())
        && Equal(Xattrs.TryGet(upper, Capability), Xattrs.TryGet(lower, Capability));

    private static bool Equal(byte[]? a, byte[]? b) => (a ?? []).AsSpan().SequenceEqual(b ?? []);
}

using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Snapshots.Unix;

namespace Kiln.Snapshots;

/// <summary>
/// Chooses the snapshotter of a kiln root: overlayfs when configured or when a probe overlay mount under the root works,
/// the copy snapshotter otherwise. The chosen snapshotter's leftovers from a crash are cleaned before it is returned.
/// </summary>
internal static class SnapshotterFactory
{
    public static async Task<Snapshotter> CreateAsync(
        KilnPaths paths,
        MetadataDatabase database,
        SnapshotterChoice choice,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Snapshotter snapshotter = choice switch
        {
            SnapshotterChoice.Overlay => new OverlaySnapshotter(paths, database),
            SnapshotterChoice.Copy => new CopySnapshotter(paths, database),
            _ => OverlayWorks(paths) ? new OverlaySnapshotter(paths, database) : new CopySnapshotter(paths, database),
        };
        await snapshotter.CleanupAsync(Snapshotter.AbandonedAfter, database.TimeProvider, cancellationToken).ConfigureAwait(false);
        return snapshotter;
    }

    /// <summary>Mounts a one-file overlay in a scratch directory under the root and checks a write reaches the upper.</summary>
    public static bool OverlayWorks(KilnPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!OperatingSystem.IsLinux() || !FileOps.IsRoot)
        {
            return false;
        }

        var scratch = Path.Combine(paths.Root, "snapshots", $"probe-{Guid.NewGuid():N}");
        var (lower, upper, work, merged) = (Path.Combine(scratch, "l"), Path.Combine(scratch, "u"), Path.Combine(scratch, "w"), Path.Combine(scratch, "m"));
        try
        {
            foreach (var directory in new[] { lower, upper, work, merged })
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(Path.Combine(lower, "probe"), "lower");
            SnapshotMounter.Mount(new SnapshotMount("overlay", "overlay", OverlaySnapshotter.OverlayOptions([lower], upper, work)), merged);
            try
            {
                File.WriteAllText(Path.Combine(merged, "probe"), "upper");
            }
            finally
            {
                SnapshotMounter.Unmount(merged);
            }

            return File.ReadAllText(Path.Combine(upper, "probe")) == "upper";
        }
        catch (Exception ex) when (ex is KilnException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            FileOps.RemoveAll(scratch);
        }
    }
}

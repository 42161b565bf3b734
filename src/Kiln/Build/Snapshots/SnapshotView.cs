using Kiln.Content;
using Kiln.Snapshots;

namespace Kiln.Build.Snapshots;

/// <summary>
/// A committed snapshot mounted read-only (with its whole parent chain) on a fresh directory under
/// <c>$KILN_ROOT/mnt/</c>; disposing unmounts it and removes the directory.
/// </summary>
internal sealed class SnapshotView : IAsyncDisposable
{
    private SnapshotView(string path) => Path = path;

    /// <summary>The host directory showing the snapshot's files.</summary>
    public string Path { get; }

    public static async Task<SnapshotView> MountAsync(Snapshotter snapshotter, KilnPaths paths, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotter);
        var directory = MountPoints.Create(paths);
        try
        {
            await snapshotter.MountViewAsync(key, directory, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            MountPoints.Remove(directory);
            throw;
        }

        return new SnapshotView(directory);
    }

    public ValueTask DisposeAsync()
    {
        Snapshotter.Unmount(Path);
        MountPoints.Remove(Path);
        return ValueTask.CompletedTask;
    }
}

using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Snapshots;

/// <summary>
/// A snapshot prepared over a committed parent (or empty) for a runner to write in: mounted with its parents visible,
/// or, unmounted, as its bare files directory (what is written there is exactly the layer). <see cref="CommitAsync"/>
/// commits it under a result name; disposing an uncommitted one unmounts and removes it.
/// </summary>
internal sealed class WritableSnapshot : IAsyncDisposable
{
    private readonly Snapshotter snapshotter;
    private readonly KilnPaths paths;
    private readonly string key;
    private readonly string? parent;
    private string? mountPoint;
    private bool mounted;
    private bool finished;

    private WritableSnapshot(Snapshotter snapshotter, KilnPaths paths, string key, string? parent, string path, string? mountPoint)
    {
        this.snapshotter = snapshotter;
        this.paths = paths;
        this.key = key;
        this.parent = parent;
        this.mountPoint = mountPoint;
        Path = path;
    }

    /// <summary>Where to write: the mount point (parents included), or the snapshot's own files directory when not mounted.</summary>
    public string Path { get; }

    public static async Task<WritableSnapshot> PrepareAsync(
        Snapshotter snapshotter, KilnPaths paths, string? parent, string label, bool mount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotter);
        var key = $"prepare-{Guid.NewGuid():N}-{label}";
        await snapshotter.PrepareAsync(key, parent, cancellationToken).ConfigureAwait(false);
        if (!mount)
        {
            var info = await snapshotter.StatAsync(key, cancellationToken).ConfigureAwait(false);
            if (info is null)
            {
                throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" vanished while being prepared");
            }

            return new WritableSnapshot(snapshotter, paths, key, parent, snapshotter.FilesDirectory(info), mountPoint: null);
        }

        var target = MountPoints.Create(paths);
        var snapshot = new WritableSnapshot(snapshotter, paths, key, parent, target, target);
        try
        {
            await snapshotter.MountAsync(key, target, cancellationToken).ConfigureAwait(false);
            snapshot.mounted = true;
            return snapshot;
        }
        catch
        {
            await snapshot.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Unmounts and removes from the overlay upper directory what a RUN step's runtime alone left there (see
    /// <see cref="UpperPruner"/>); call it before <see cref="CommitAsync"/>.
    /// </summary>
    public async Task PruneCopiedUpAsync(CancellationToken cancellationToken)
    {
        Unmount();
        if (snapshotter.Driver != OverlaySnapshotter.DriverName || parent is null)
        {
            return;
        }

        var info = await snapshotter.StatAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" vanished during the step");
        await using var lower = await SnapshotView.MountAsync(snapshotter, paths, parent, cancellationToken).ConfigureAwait(false);
        UpperPruner.Prune(snapshotter.FilesDirectory(info), lower.Path);
    }

    /// <summary>Commits as <paramref name="name"/>; if another session committed that name first, its snapshot is the result.</summary>
    public async Task<OpResult> CommitAsync(string name, CancellationToken cancellationToken)
    {
        Unmount();
        try
        {
            var committed = await snapshotter.CommitAsync(key, name, cancellationToken).ConfigureAwait(false);
            finished = true;
            return new OpResult(committed.Key, null, committed.Size);
        }
        catch (KilnException exception) when (exception.Code == ErrorCodes.SnapshotExists)
        {
            var raced = await ResultSnapshots.ExistingAsync(snapshotter, name, cancellationToken).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            return raced; // another session committed the same result first
        }
    }

    public async ValueTask DisposeAsync()
    {
        Unmount();
        if (!finished)
        {
            finished = true;
            await snapshotter.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void Unmount()
    {
        if (mounted)
        {
            Snapshotter.Unmount(Path);
            mounted = false;
        }

        if (mountPoint is not null)
        {
            MountPoints.Remove(mountPoint);
            mountPoint = null;
        }
    }
}

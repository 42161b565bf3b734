using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// A snapshot prepared over a committed parent and mounted for a RUN step to write in. <see cref="CommitAsync"/>
/// unmounts it, prunes what the runtime alone left in the overlay upper directory and commits it under a result
/// name; disposing an uncommitted one unmounts and removes it. Unlike <see cref="ResultSnapshots.CreateAsync"/>,
/// the pruning needs the step between unmounting and committing, and one step may commit several of these.
/// </summary>
internal sealed class WritableSnapshot : IAsyncDisposable
{
    private readonly Snapshotter snapshotter;
    private readonly KilnPaths paths;
    private readonly string key;
    private readonly string? parent;
    private bool mounted;
    private bool finished;

    private WritableSnapshot(Snapshotter snapshotter, KilnPaths paths, string key, string? parent, string path)
    {
        this.snapshotter = snapshotter;
        this.paths = paths;
        this.key = key;
        this.parent = parent;
        Path = path;
    }

    /// <summary>The mount point showing the snapshot's files (its parents included), writable.</summary>
    public string Path { get; }

    public static async Task<WritableSnapshot> PrepareAsync(
        Snapshotter snapshotter, KilnPaths paths, string? parent, string label, CancellationToken cancellationToken)
    {
        var key = $"exec-{Guid.NewGuid():N}-{label}";
        await snapshotter.PrepareAsync(key, parent, cancellationToken).ConfigureAwait(false);
        var target = MountPoints.Create(paths);
        var snapshot = new WritableSnapshot(snapshotter, paths, key, parent, target);
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

    /// <summary>Commits as <paramref name="name"/>; if another session committed that name first, its snapshot is the result.</summary>
    public async Task<OpResult> CommitAsync(string name, CancellationToken cancellationToken)
    {
        Unmount();
        if (snapshotter.Driver == OverlaySnapshotter.DriverName && parent is not null)
        {
            var info = await snapshotter.StatAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" vanished during the step");
            await using var lower = await SnapshotView.MountAsync(snapshotter, paths, parent, cancellationToken).ConfigureAwait(false);
            UpperPruner.Prune(snapshotter.FilesDirectory(info), lower.Path);
        }

        try
        {
            var committed = await snapshotter.CommitAsync(key, name, cancellationToken).ConfigureAwait(false);
            finished = true;
            return new OpResult(committed.Key, null, committed.Size);
        }
        catch (KilnException exception) when (exception.Code == ErrorCodes.SnapshotExists)
        {
            if (await snapshotter.StatAsync(name, cancellationToken).ConfigureAwait(false) is not { Kind: SnapshotKind.Committed } existing)
            {
                throw;
            }

            return new OpResult(existing.Key, null, existing.Size); // another session committed the same result first
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

        MountPoints.Remove(Path);
    }
}

using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Snapshots;

/// <summary>
/// How runners turn work into committed snapshots. A result is named by its cache key and output index, so a
/// rerun (or a concurrent kiln process) with the same key finds the snapshot already there and reuses it.
/// </summary>
internal static class ResultSnapshots
{
    /// <summary>The committed snapshot name of output <paramref name="output"/> of the op with this cache key.</summary>
    public static string Name(Digest cacheKey, int output = 0) => $"result-{cacheKey.Hex}-{output}";

    /// <summary>
    /// Prepares a writable snapshot over <paramref name="parent"/> (null: empty), lets <paramref name="fill"/> write it,
    /// commits it as <paramref name="name"/> and returns the result. With <paramref name="mount"/> the snapshot is
    /// mounted (parents visible) and fill gets the mount point; without, fill gets the snapshot's own files directory
    /// (the upper layer only: what it writes there is exactly the layer). On failure nothing is left behind.
    /// </summary>
    public static async Task<OpResult> CreateAsync(
        Snapshotter snapshotter,
        KilnPaths paths,
        string name,
        string? parent,
        Func<string, CancellationToken, Task> fill,
        bool mount,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotter);
        ArgumentNullException.ThrowIfNull(fill);
        if (await ExistingAsync(snapshotter, name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var key = $"prepare-{Guid.NewGuid():N}-{name}";
        await snapshotter.PrepareAsync(key, parent, cancellationToken).ConfigureAwait(false);
        try
        {
            if (mount)
            {
                var target = MountPoints.Create(paths);
                await snapshotter.MountAsync(key, target, cancellationToken).ConfigureAwait(false);
                try
                {
                    await fill(target, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Snapshotter.Unmount(target);
                    MountPoints.Remove(target);
                }
            }
            else
            {
                var info = await snapshotter.StatAsync(key, cancellationToken).ConfigureAwait(false)
                    ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" vanished while being prepared");
                await fill(snapshotter.FilesDirectory(info), cancellationToken).ConfigureAwait(false);
            }

            var committed = await snapshotter.CommitAsync(key, name, cancellationToken).ConfigureAwait(false);
            return new OpResult(committed.Key, null, committed.Size);
        }
        catch (KilnException exception) when (exception.Code == ErrorCodes.SnapshotExists)
        {
            await snapshotter.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            var raced = await ExistingAsync(snapshotter, name, cancellationToken).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            return raced; // another session committed the same result first
        }
        catch
        {
            await snapshotter.RemoveAsync(key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<OpResult?> ExistingAsync(Snapshotter snapshotter, string name, CancellationToken cancellationToken) =>
        await snapshotter.StatAsync(name, cancellationToken).ConfigureAwait(false) is { Kind: SnapshotKind.Committed } info
            ? new OpResult(info.Key, null, info.Size)
            : null;
}

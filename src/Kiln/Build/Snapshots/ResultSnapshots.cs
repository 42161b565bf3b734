using Kiln.Content;
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
    /// Prepares a <see cref="WritableSnapshot"/> over <paramref name="parent"/> (null: empty), lets <paramref name="fill"/>
    /// write it (mounted with its parents visible, or its bare layer), commits it as <paramref name="name"/> and returns
    /// the result. An existing committed snapshot of that name is returned as it is; on failure nothing is left behind.
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
        ArgumentNullException.ThrowIfNull(fill);
        if (await ExistingAsync(snapshotter, name, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        await using var snapshot = await WritableSnapshot.PrepareAsync(snapshotter, paths, parent, name, mount, cancellationToken).ConfigureAwait(false);
        await fill(snapshot.Path, cancellationToken).ConfigureAwait(false);
        return await snapshot.CommitAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The committed result of that name, or null.</summary>
    public static async Task<OpResult?> ExistingAsync(Snapshotter snapshotter, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotter);
        return await snapshotter.StatAsync(name, cancellationToken).ConfigureAwait(false) is { Kind: SnapshotKind.Committed } info
            ? new OpResult(info.Key, null, info.Size)
            : null;
    }
}

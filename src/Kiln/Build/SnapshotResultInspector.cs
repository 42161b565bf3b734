using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build;

/// <summary>
/// Answers the solver's questions about results that are committed snapshots: whether one still exists, and the
/// content digest of selected paths of one (read through a read-only view of its whole chain).
/// </summary>
internal sealed class SnapshotResultInspector(Snapshotter snapshotter, KilnPaths paths) : IResultInspector
{
    public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return await snapshotter.StatAsync(result.Id, cancellationToken).ConfigureAwait(false) is { Kind: SnapshotKind.Committed };
    }

    public async ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var view = await SnapshotView.MountAsync(snapshotter, paths, result.Id, cancellationToken).ConfigureAwait(false);
        await using (view.ConfigureAwait(false))
        {
            return await Task.Run(() => SelectionDigester.Compute(view.Path, selection, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Collections.Immutable;
using Kiln.Build.Files;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Solver;

namespace Kiln.Build.Runners;

/// <summary>
/// Runs <see cref="MergeOp"/>: the result stacks, over the first input's snapshot, one snapshot per later input whose
/// own layer holds exactly that input's files (copied verbatim, unmounted). For <c>COPY --link</c> (inputs 0 and 1,
/// input 1 a copy onto scratch) the top layer is therefore the independent --link layer.
/// </summary>
internal sealed class MergeOpRunner(Snapshotter snapshotter, KilnPaths paths) : OpRunner<MergeOp>
{
    protected override async Task<ImmutableArray<OpResult>> RunAsync(MergeOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        var inputs = op.Inputs.OrEmpty();
        if (inputs.Length < 2)
        {
            throw new KilnException(ErrorCodes.MergeInputInvalid, $"a merge needs at least two inputs, got {inputs.Length}", context.Vertex.Metadata.Source);
        }

        var parent = context.Inputs[inputs[0]].Id;
        OpResult? result = null;
        for (var i = 1; i < inputs.Length; i++)
        {
            var name = i == inputs.Length - 1
                ? ResultSnapshots.Name(context.CacheKey)
                : ResultSnapshots.Name(Digest.Sha256(System.Text.Encoding.UTF8.GetBytes($"{context.CacheKey}/merge/{i}")));
            var source = context.Inputs[inputs[i]].Id;
            result = await ResultSnapshots.CreateAsync(
                snapshotter, paths, name, parent, (layer, token) => CopyViewAsync(source, layer, token), mount: false, cancellationToken).ConfigureAwait(false);
            parent = result.Id;
        }

        return [result!];
    }

    private async Task CopyViewAsync(string source, string layer, CancellationToken cancellationToken)
    {
        var view = await SnapshotView.MountAsync(snapshotter, paths, source, cancellationToken).ConfigureAwait(false);
        await using (view.ConfigureAwait(false))
        {
            await Task.Run(() => new TreeCopier(CopyOptions.Verbatim, cancellationToken).Copy(view.Path, "/", layer, "/"), cancellationToken).ConfigureAwait(false);
        }
    }
}

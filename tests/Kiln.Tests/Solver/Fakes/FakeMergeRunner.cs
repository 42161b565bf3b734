using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>Overlays the inputs in order.</summary>
internal sealed class FakeMergeRunner(FakeBackend backend) : OpRunner<MergeOp>
{
    protected override Task<ImmutableArray<OpResult>> RunAsync(MergeOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        using var _ = backend.Enter(context.Vertex);
        var tree = op.Inputs.Aggregate(FakeTree.Empty, (t, i) => t.Overlay(backend.Tree(context.Inputs[i])));
        return Task.FromResult<ImmutableArray<OpResult>>([backend.Store(tree)]);
    }
}

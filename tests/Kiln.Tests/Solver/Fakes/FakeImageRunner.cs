using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>An image is a tree with one file naming it.</summary>
internal sealed class FakeImageRunner(FakeBackend backend) : OpRunner<ImageSourceOp>
{
    protected override Task<ImmutableArray<OpResult>> RunAsync(ImageSourceOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        using var _ = backend.Enter(context.Vertex);
        return Task.FromResult<ImmutableArray<OpResult>>([backend.Store(FakeTree.Empty.With("/etc/image", op.Image.ToString()))]);
    }
}

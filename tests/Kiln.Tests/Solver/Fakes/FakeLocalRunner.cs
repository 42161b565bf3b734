using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>A local context is whatever tree the test put under its name; its key is that tree's digest.</summary>
internal sealed class FakeLocalRunner(FakeBackend backend) : OpRunner<LocalSourceOp>
{
    protected override ValueTask<string?> ResolveKeyAsync(LocalSourceOp op, Vertex vertex, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(backend.Contexts[op.Name].ComputeDigest().ToString());

    protected override Task<ImmutableArray<OpResult>> RunAsync(LocalSourceOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        using var _ = backend.Enter(context.Vertex);
        return Task.FromResult<ImmutableArray<OpResult>>([backend.Store(backend.Contexts[op.Name])]);
    }
}

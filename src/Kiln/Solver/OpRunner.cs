using System.Collections.Immutable;
using Kiln.Graph;

namespace Kiln.Solver;

/// <summary>The base of every runner: it receives its own op type, already cast.</summary>
internal abstract class OpRunner<TOp> : IOpRunner
    where TOp : Op
{
    public ValueTask<string?> ResolveKeyAsync(Vertex vertex, CancellationToken cancellationToken) =>
        ResolveKeyAsync((TOp)vertex.Op, vertex, cancellationToken);

    public Task<ImmutableArray<OpResult>> RunAsync(OpRunContext context, CancellationToken cancellationToken) =>
        RunAsync((TOp)context.Vertex.Op, context, cancellationToken);

    protected virtual ValueTask<string?> ResolveKeyAsync(TOp op, Vertex vertex, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(null);

    protected abstract Task<ImmutableArray<OpResult>> RunAsync(TOp op, OpRunContext context, CancellationToken cancellationToken);
}

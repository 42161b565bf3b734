using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;

namespace Kiln.Bench;

/// <summary>Runs nothing: each exec op yields one result named after its vertex, with no content digest.</summary>
internal sealed class NoOpRunner : OpRunner<ExecOp>
{
    private int executions;

    public int Executions => executions;

    protected override Task<ImmutableArray<OpResult>> RunAsync(ExecOp op, OpRunContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref executions);
        return Task.FromResult<ImmutableArray<OpResult>>([new OpResult(context.Vertex.Digest.Hex)]);
    }
}

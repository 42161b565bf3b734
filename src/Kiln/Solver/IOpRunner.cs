using System.Collections.Immutable;
using Kiln.Graph;

namespace Kiln.Solver;

/// <summary>Executes one kind of op. Implementations derive from <see cref="OpRunner{TOp}"/> and are listed in <see cref="OpResolver"/>.</summary>
internal interface IOpRunner
{
    /// <summary>
    /// Key material the op's definition does not capture (an image tag's resolved digest, a git ref's commit,
    /// a local context's content digest), or null when the definition says it all. Never a secret value.
    /// </summary>
    ValueTask<string?> ResolveKeyAsync(Vertex vertex, CancellationToken cancellationToken);

    /// <summary>Runs the op, returning one result per output; when cancelled it stops promptly, leaving nothing half-written.</summary>
    Task<ImmutableArray<OpResult>> RunAsync(OpRunContext context, CancellationToken cancellationToken);
}

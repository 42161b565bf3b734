using System.Collections.Immutable;
using Kiln.Exec;
using Kiln.Solver;

namespace Kiln.Build;

/// <summary>The one place where a build's op runners are composed: every op kind the Dockerfile converter emits has its runner here.</summary>
internal static class BuildRunners
{
    /// <param name="services">The process's shared services.</param>
    /// <param name="sources">Local directories by source name ("context" and the named contexts).</param>
    /// <param name="session">The secrets, ssh agents and entitlements RUN steps may use.</param>
    public static OpResolver Compose(BuildServices services, ImmutableDictionary<string, string> sources, ExecSession session)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = sources;
        _ = session;
        return OpResolver.Empty.With(services.Images);
    }

    /// <summary>Answers the solver's questions about results: they are committed snapshots.</summary>
    public static IResultInspector Inspector(BuildServices services) => new InterimInspector(services);

    /// <summary>Until selections are hashed from snapshots: a selection's digest is its result's identity (sound, coarser).</summary>
    private sealed class InterimInspector(BuildServices services) : IResultInspector
    {
        public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) =>
            await services.Snapshotter.StatAsync(result.Id, cancellationToken).ConfigureAwait(false) is { Kind: Kiln.Snapshots.SnapshotKind.Committed };

        public ValueTask<Oci.Digest> DigestSelectionAsync(OpResult result, Graph.InputSelection selection, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Oci.Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(result.Id)));
    }
}

using System.Collections.Immutable;
using Kiln.Build.Runners;
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
        var local = sources.Aggregate(LocalSources.Empty, (all, source) => all.With(source.Key, source.Value));
        return OpResolver.Empty
            .With(services.Images)
            .With(new LocalSourceRunner(services.Snapshotter, services.Paths, local))
            .With(new FileOpRunner(services.Snapshotter, services.Paths))
            .With(new MergeOpRunner(services.Snapshotter, services.Paths))
            .With(new HttpSourceRunner(services.Store, services.Snapshotter, services.Paths, services.Http))
            .With(new ExecOpRunner(services.StartExecutorAsync, services.Snapshotter, services.Paths, session));
    }

    /// <summary>Answers the solver's questions about results: they are committed snapshots.</summary>
    public static IResultInspector Inspector(BuildServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SnapshotResultInspector(services.Snapshotter, services.Paths);
    }
}

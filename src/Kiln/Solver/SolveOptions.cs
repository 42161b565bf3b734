using System.Collections.Immutable;
using Kiln.Graph;

namespace Kiln.Solver;

/// <summary>Per-request cache policy: --no-cache and --no-cache-filter STAGE.</summary>
internal sealed record SolveOptions
{
    public static readonly SolveOptions Default = new();

    public bool NoCache { get; init; }

    /// <summary>Stage names whose vertices ignore the cache.</summary>
    public ImmutableHashSet<string> NoCacheFilter { get; init; } = [];

    /// <summary>A string that is equal for two options exactly when they treat every vertex the same.</summary>
    public string PolicyKey => NoCache ? "no-cache" : string.Join(",", NoCacheFilter.Order(StringComparer.Ordinal));

    public bool IgnoresCache(Vertex vertex) =>
        NoCache || vertex.Metadata.IgnoreCache || (vertex.Metadata.Stage is { } stage && NoCacheFilter.Contains(stage));
}

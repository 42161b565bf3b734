using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>How a vertex was resolved: its cache key, its results (one per output) and whether they came from the cache.</summary>
internal sealed record VertexOutcome(Digest CacheKey, ImmutableArray<OpResult> Results, bool Cached);

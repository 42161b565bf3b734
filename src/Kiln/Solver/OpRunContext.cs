using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Progress;

namespace Kiln.Solver;

/// <summary>What a runner gets: the vertex, its resolved inputs (one per input edge, in order), its cache key and a progress handle.</summary>
internal sealed record OpRunContext(Vertex Vertex, ImmutableArray<OpResult> Inputs, Digest CacheKey, VertexProgress Progress);

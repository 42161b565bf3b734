using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>A vertex's result came from the cache; it will not execute.</summary>
internal sealed record VertexCached(DateTimeOffset Time, Digest Vertex, string Name, ImmutableArray<Digest> Inputs)
    : ProgressEvent(Time);

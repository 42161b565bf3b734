using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>A vertex began executing (after its cache lookup missed).</summary>
internal sealed record VertexStarted(DateTimeOffset Time, Digest Vertex, string Name, ImmutableArray<Digest> Inputs)
    : ProgressEvent(Time);

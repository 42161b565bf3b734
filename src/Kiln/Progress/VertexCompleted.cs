using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>A vertex finished executing successfully.</summary>
internal sealed record VertexCompleted(DateTimeOffset Time, Digest Vertex, DateTimeOffset Started) : ProgressEvent(Time)
{
    public TimeSpan Duration => Time - Started;
}

using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>
/// Progress of one sub-task of a vertex (a layer download, a context transfer): <see cref="Current"/> of
/// <see cref="Total"/> units (bytes unless stated), <see cref="Completed"/> once done.
/// </summary>
internal sealed record VertexStatus(DateTimeOffset Time, Digest Vertex, string Id, string Name, long Current, long? Total)
    : ProgressEvent(Time)
{
    public bool Completed { get; init; }
}

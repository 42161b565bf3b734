using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>Output a vertex wrote, as raw bytes (renderers split lines and decode).</summary>
internal sealed record VertexLog(DateTimeOffset Time, Digest Vertex, LogStream Stream, ReadOnlyMemory<byte> Data)
    : ProgressEvent(Time);

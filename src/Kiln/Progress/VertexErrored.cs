using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>A vertex failed (or was cancelled while executing); <see cref="Code"/> is the error's code.</summary>
internal sealed record VertexErrored(DateTimeOffset Time, Digest Vertex, DateTimeOffset Started, ErrorCode Code, string Message)
    : ProgressEvent(Time);

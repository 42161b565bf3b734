using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>A warning attached to a vertex (or to the build when <see cref="Vertex"/> is null).</summary>
internal sealed record ProgressWarning(DateTimeOffset Time, Digest? Vertex, string Message, SourceSpan? Source)
    : ProgressEvent(Time);

using Kiln.Oci;

namespace Kiln.Progress;

/// <summary>The progress handle an op runner gets: everything it emits is stamped with its vertex and the time.</summary>
internal sealed class VertexProgress(IProgressSink sink, Digest vertex, TimeProvider time)
{
    public Digest Vertex => vertex;

    public void Log(LogStream stream, ReadOnlyMemory<byte> data) =>
        sink.Emit(new VertexLog(time.GetUtcNow(), vertex, stream, data));

    public void Status(string id, string name, long current, long? total, bool completed = false) =>
        sink.Emit(new VertexStatus(time.GetUtcNow(), vertex, id, name, current, total) { Completed = completed });

    public void Warn(string message, Diagnostics.SourceSpan? source = null) =>
        sink.Emit(new ProgressWarning(time.GetUtcNow(), vertex, message, source));
}

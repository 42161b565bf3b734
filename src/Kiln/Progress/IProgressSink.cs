namespace Kiln.Progress;

/// <summary>Receives progress events; must be thread-safe and must not block (the solver calls it from many tasks).</summary>
internal interface IProgressSink
{
    void Emit(ProgressEvent progressEvent);
}

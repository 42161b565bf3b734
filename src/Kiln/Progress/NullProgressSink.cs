namespace Kiln.Progress;

/// <summary>A sink that drops every event.</summary>
internal sealed class NullProgressSink : IProgressSink
{
    public static readonly NullProgressSink Instance = new();

    public void Emit(ProgressEvent progressEvent)
    {
    }
}

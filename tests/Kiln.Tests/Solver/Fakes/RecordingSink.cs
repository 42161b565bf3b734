using Kiln.Progress;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>Keeps every event, thread-safely.</summary>
internal sealed class RecordingSink : IProgressSink
{
    private readonly List<ProgressEvent> events = [];

    public IReadOnlyList<ProgressEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    public void Emit(ProgressEvent progressEvent)
    {
        lock (events)
        {
            events.Add(progressEvent);
        }
    }

    public int Count<T>(Func<T, bool>? predicate = null)
        where T : ProgressEvent => Events.OfType<T>().Count(e => predicate?.Invoke(e) ?? true);

    public void Clear()
    {
        lock (events)
        {
            events.Clear();
        }
    }
}

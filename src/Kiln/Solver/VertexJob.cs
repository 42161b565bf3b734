namespace Kiln.Solver;

/// <summary>
/// One in-flight or finished resolution of a vertex, shared by every request that needs it. It is cancelled
/// only when its last waiter stops waiting.
/// </summary>
internal sealed class VertexJob(JobKey key)
{
    public JobKey Key => key;

    public CancellationTokenSource Cancellation { get; } = new();

    public TaskCompletionSource<VertexOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many callers wait for the outcome; guarded by the scheduler's lock.</summary>
    public int Waiters { get; set; }
}

using System.Collections.Concurrent;
using Kiln.Graph;
using Kiln.Oci;
using Kiln.Solver;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>
/// A snapshot store plus the test's controls: local contexts, execution counters, gates that hold a vertex
/// until released, signals for started or cancelled vertices. Vertices are identified by display name.
/// </summary>
internal sealed class FakeBackend : IResultInspector
{
    private readonly ConcurrentDictionary<string, FakeTree> snapshots = new();
    private readonly ConcurrentDictionary<string, int> executions = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> started = new();
    private readonly ConcurrentDictionary<string, bool> cancelled = new();
    private int running;
    private int next;

    public ConcurrentDictionary<string, FakeTree> Contexts { get; } = new();

    public int MaxRunning { get; private set; }

    public int Executions(string name) => executions.GetValueOrDefault(name);

    public int TotalExecutions => executions.Values.Sum();

    public bool WasCancelled(string name) => cancelled.ContainsKey(name);

    public Task Started(string name) => Signal(started, name).Task;

    public void Open(string name) => Signal(gates, name).TrySetResult();

    public void Prune(OpResult result) => snapshots.TryRemove(result.Id, out _);

    public FakeTree Tree(OpResult result) => snapshots[result.Id];

    public ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) =>
        ValueTask.FromResult(snapshots.ContainsKey(result.Id));

    ValueTask<Digest> IResultInspector.DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken) =>
        ValueTask.FromResult(FakeTree.DigestOf(snapshots[result.Id].Select(selection)));

    public OpResult Store(FakeTree tree)
    {
        var id = $"snap-{Interlocked.Increment(ref next)}";
        snapshots[id] = tree;
        return new OpResult(id, tree.ComputeDigest(), tree.Files.Count);
    }

    /// <summary>Counts one execution of the vertex and tracks how many run at once.</summary>
    public IDisposable Enter(Vertex vertex)
    {
        executions.AddOrUpdate(vertex.DisplayName, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref running);
        lock (executions)
        {
            MaxRunning = Math.Max(MaxRunning, now);
        }

        Signal(started, vertex.DisplayName).TrySetResult();
        return new Exit(this);
    }

    /// <summary>Waits until the test opens the vertex's gate; records a cancellation.</summary>
    public async Task WaitGateAsync(Vertex vertex, CancellationToken cancellationToken)
    {
        try
        {
            await Signal(gates, vertex.DisplayName).Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            cancelled[vertex.DisplayName] = true;
            throw;
        }
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string name) =>
        map.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class Exit(FakeBackend backend) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref backend.running);
    }
}

using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Progress;
using Kiln.Solver.Cache;

namespace Kiln.Solver;

/// <summary>
/// Solves build graphs for one session (a build or a bake). Each vertex runs at most once per cache policy, however
/// many concurrent requests need it; independent branches run in parallel; the first failure cancels the rest of
/// its request; cancelling a request stops work no other request still waits for.
/// </summary>
internal sealed class Scheduler : IDisposable
{
    private readonly Lock gate = new();
    private readonly Dictionary<JobKey, VertexJob> jobs = [];
    private readonly VertexExecutor executor;

    public Scheduler(
        OpResolver resolver,
        ICacheStore cache,
        IResultInspector results,
        IProgressSink progress,
        TimeProvider time,
        SchedulerSettings? settings = null)
    {
        executor = new VertexExecutor(resolver, cache, results, progress, time, settings ?? SchedulerSettings.Default);
    }

    /// <summary>Solves the targets and returns one result per target edge, in order.</summary>
    public async Task<ImmutableArray<EdgeResult>> SolveAsync(
        ImmutableArray<Edge> targets, SolveOptions options, CancellationToken cancellationToken)
    {
        var request = new Request(options, options.PolicyKey);
        var outcomes = await SolveAllAsync([.. targets.Select(t => t.Vertex)], request, cancellationToken).ConfigureAwait(false);
        return [.. targets.Select((t, i) => new EdgeResult(outcomes[i].Results[t.Output], outcomes[i].CacheKey, outcomes[i].Cached))];
    }

    /// <summary>How many callers wait for the unfinished resolution of a vertex (0 when none runs); for diagnostics.</summary>
    public int Waiters(Vertex vertex)
    {
        lock (gate)
        {
            return jobs.Values.Where(j => j.Key.Vertex == vertex.Digest && !j.Completion.Task.IsCompleted).Sum(j => j.Waiters);
        }
    }

    /// <summary>Ends the session: work still running is cancelled (nothing of it is recorded).</summary>
    public void Dispose()
    {
        List<VertexJob> running;
        lock (gate)
        {
            running = [.. jobs.Values.Where(j => !j.Completion.Task.IsCompleted)];
            jobs.Clear();
        }

        running.ForEach(j => j.Cancellation.Cancel());
    }

    private static void CancelOnFault(Task task, object? state)
    {
        try
        {
            ((CancellationTokenSource)state!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the request already finished
        }
    }

    private async Task<VertexOutcome[]> SolveAllAsync(Vertex[] vertices, Request request, CancellationToken cancellationToken)
    {
        if (vertices.Length == 0)
        {
            return [];
        }

        if (vertices.Length == 1)
        {
            return [await WaitAsync(Acquire(vertices[0], request), cancellationToken).ConfigureAwait(false)];
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = new Task<VertexOutcome>[vertices.Length];
        for (var i = 0; i < vertices.Length; i++)
        {
            waits[i] = WaitAsync(Acquire(vertices[i], request), linked.Token);
            _ = waits[i].ContinueWith(
                CancelOnFault,
                linked,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return await Task.WhenAll(waits).ConfigureAwait(false);
    }

    private VertexJob Acquire(Vertex vertex, Request request)
    {
        var key = new JobKey(vertex.Digest, request.Policy, request.Options.IgnoresCache(vertex));
        VertexJob? job;
        bool created;
        lock (gate)
        {
            created = !jobs.TryGetValue(key, out job);
            if (job is null)
            {
                job = new VertexJob(key);
                jobs.Add(key, job);
            }

            job.Waiters++;
        }

        if (created)
        {
            _ = Task.Run(() => RunJobAsync(job, vertex, request));
        }

        return job;
    }

    private async Task<VertexOutcome> WaitAsync(VertexJob job, CancellationToken cancellationToken)
    {
        try
        {
            return await job.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(job);
        }
    }

    private void Release(VertexJob job)
    {
        var abandon = false;
        lock (gate)
        {
            job.Waiters--;
            if (job.Waiters == 0 && !job.Completion.Task.IsCompleted)
            {
                abandon = true;
                ForgetLocked(job);
            }
        }

        if (abandon)
        {
            // asynchronous, so that cancelling a long chain does not recurse down the stack
            _ = job.Cancellation.CancelAsync();
        }
    }

    private void Forget(VertexJob job)
    {
        lock (gate)
        {
            ForgetLocked(job);
        }
    }

    private void ForgetLocked(VertexJob job)
    {
        if (jobs.TryGetValue(job.Key, out var current) && ReferenceEquals(current, job))
        {
            jobs.Remove(job.Key);
        }
    }

    private async Task RunJobAsync(VertexJob job, Vertex vertex, Request request)
    {
        var cancellationToken = job.Cancellation.Token;
        try
        {
            var inputs = await SolveAllAsync([.. vertex.Inputs.Select(e => e.Vertex)], request, cancellationToken).ConfigureAwait(false);
            var outcome = await executor.ExecuteAsync(vertex, [.. inputs], request.Options, cancellationToken).ConfigureAwait(false);
            job.Completion.TrySetResult(outcome);
        }
        catch (OperationCanceledException e)
        {
            Forget(job);
            job.Completion.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            Forget(job);
            job.Completion.TrySetException(e);
        }
    }

    /// <summary>A request's options with their policy key computed once.</summary>
    private sealed record Request(SolveOptions Options, string Policy);
}

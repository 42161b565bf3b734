using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Progress;
using Kiln.Solver.Cache;

namespace Kiln.Solver;

/// <summary>
/// Resolves one vertex whose inputs are resolved: computes its cache key, returns a valid cache record if there is
/// one, else runs the op in a bounded slot and records the result. Failures carry the vertex's source location.
/// </summary>
internal sealed class VertexExecutor(
    OpResolver resolver,
    ICacheStore cache,
    IResultInspector results,
    IProgressSink progress,
    TimeProvider time,
    SchedulerSettings settings)
{
    private readonly SemaphoreSlim slots = new(settings.MaxParallelism, settings.MaxParallelism);
    private readonly CacheKeys keys = new(results);

    public async Task<VertexOutcome> ExecuteAsync(
        Vertex vertex, ImmutableArray<VertexOutcome> inputs, SolveOptions options, CancellationToken cancellationToken)
    {
        DateTimeOffset? started = null;
        try
        {
            var runner = resolver.Resolve(vertex);
            var resolved = await runner.ResolveKeyAsync(vertex, cancellationToken).ConfigureAwait(false);
            var key = await keys.ComputeAsync(vertex, resolved, inputs, cancellationToken).ConfigureAwait(false);
            if (!options.IgnoresCache(vertex) && await TryCacheAsync(vertex, key, cancellationToken).ConfigureAwait(false) is { } hit)
            {
                progress.Emit(new VertexCached(time.GetUtcNow(), vertex.Digest, vertex.DisplayName, InputDigests(vertex)));
                return hit;
            }

            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            ImmutableArray<OpResult> outputs;
            try
            {
                started = Start(vertex);
                var inputResults = inputs.Select((input, i) => input.Results[vertex.Inputs[i].Output]).ToImmutableArray();
                var context = new OpRunContext(vertex, inputResults, key, new VertexProgress(progress, vertex.Digest, time));
                outputs = await runner.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }

            CheckOutputs(vertex, outputs);
            cancellationToken.ThrowIfCancellationRequested();
            await cache.RecordAsync(key, outputs, CancellationToken.None).ConfigureAwait(false);
            progress.Emit(new VertexCompleted(time.GetUtcNow(), vertex.Digest, started.Value));
            return new VertexOutcome(key, outputs, Cached: false);
        }
        catch (Exception e)
        {
            var error = Describe(vertex, e, cancellationToken);
            started ??= Start(vertex);
            var code = error is KilnException k ? k.Code : ErrorCodes.Cancelled;
            progress.Emit(new VertexErrored(time.GetUtcNow(), vertex.Digest, started.Value, code, error.Message));
            if (ReferenceEquals(error, e))
            {
                throw;
            }

            throw error;
        }
    }

    private static ImmutableArray<Oci.Digest> InputDigests(Vertex vertex) => [.. vertex.Inputs.Select(e => e.Vertex.Digest)];

    private static void CheckOutputs(Vertex vertex, ImmutableArray<OpResult> outputs)
    {
        if (outputs.IsDefault || outputs.Length != vertex.Op.OutputCount || outputs.Any(o => o is null))
        {
            throw new KilnException(
                ErrorCodes.RunnerResultMismatch,
                $"{vertex.Op.Kind} runner returned {(outputs.IsDefault ? 0 : outputs.Length)} result(s) for {vertex.Op.OutputCount} output(s)",
                vertex.Metadata.Source);
        }
    }

    /// <summary>
    /// The exception to report: cancellation by our token stays an OperationCanceledException; anything else
    /// becomes a KilnException that points at the vertex's source (a runner's own code is kept).
    /// </summary>
    private static Exception Describe(Vertex vertex, Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => e,
        KilnException { Span: not null } => e,
        KilnException k => new KilnException(k.Code, k.Message, vertex.Metadata.Source, k),
        _ => new KilnException(ErrorCodes.VertexFailed, $"{vertex.DisplayName}: {e.Message}", vertex.Metadata.Source, e),
    };

    private DateTimeOffset Start(Vertex vertex)
    {
        var now = time.GetUtcNow();
        progress.Emit(new VertexStarted(now, vertex.Digest, vertex.DisplayName, InputDigests(vertex)));
        return now;
    }

    private async Task<VertexOutcome?> TryCacheAsync(Vertex vertex, Oci.Digest key, CancellationToken cancellationToken)
    {
        CacheRecord? record;
        try
        {
            record = await cache.LookupAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (KilnException e) when (e.Code == ErrorCodes.CacheRecordInvalid)
        {
            // an unreadable record is a miss; the new result replaces it
            progress.Emit(new ProgressWarning(time.GetUtcNow(), vertex.Digest, e.Message, vertex.Metadata.Source));
            return null;
        }

        if (record is null || record.Results.Length != vertex.Op.OutputCount)
        {
            return null;
        }

        foreach (var result in record.Results)
        {
            if (!await results.ExistsAsync(result, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return new VertexOutcome(key, record.Results, Cached: true);
    }
}

using System.Diagnostics;
using System.Globalization;
using Kiln.Graph;
using Kiln.Progress;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.Bench;

/// <summary>
/// Measures the scheduler's cost per vertex on a layered graph of no-op exec vertices (each reads two vertices of
/// the layer below): a cold solve (every vertex misses, runs, gets recorded) then a warm one in a new session (every
/// vertex hits the in-memory cache).
/// </summary>
internal static class SolverOverhead
{
    public static async Task<int> RunAsync(int vertexCount)
    {
        await MeasureAsync(BuildGraph(1_000, "warmup"), print: false);
        var targets = BuildGraph(vertexCount, "bench");
        await MeasureAsync(targets, print: true);
        return 0;
    }

    private static async Task MeasureAsync(Edge[] targets, bool print)
    {
        var cache = new MemoryCacheStore();
        var runner = new NoOpRunner();
        var resolver = OpResolver.Empty.With(runner);
        var settings = new SchedulerSettings { MaxParallelism = Environment.ProcessorCount };

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var cold = Stopwatch.StartNew();
        using (var scheduler = new Scheduler(resolver, cache, new NoOpResults(), NullProgressSink.Instance, TimeProvider.System, settings))
        {
            await scheduler.SolveAsync([.. targets], SolveOptions.Default, CancellationToken.None);
        }

        cold.Stop();
        process.Refresh();
        var cpu1 = process.TotalProcessorTime;
        var executed = runner.Executions;
        var warm = Stopwatch.StartNew();
        using (var scheduler = new Scheduler(resolver, cache, new NoOpResults(), NullProgressSink.Instance, TimeProvider.System, settings))
        {
            await scheduler.SolveAsync([.. targets], SolveOptions.Default, CancellationToken.None);
        }

        warm.Stop();
        process.Refresh();
        var cpu2 = process.TotalProcessorTime;
        if (!print)
        {
            return;
        }

        if (executed != cache.Count || runner.Executions != executed)
        {
            throw new InvalidOperationException($"expected every vertex once: ran {runner.Executions}, recorded {cache.Count}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vertices: {executed}, parallelism: {settings.MaxParallelism}"));
        Report("cold (miss, run, record)", cold.Elapsed, cpu1 - cpu0, executed);
        Report("warm (cache hit)        ", warm.Elapsed, cpu2 - cpu1, executed);
    }

    private static void Report(string label, TimeSpan wall, TimeSpan cpu, int vertices) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {wall.TotalMicroseconds / vertices:F1} us/vertex wall ({wall.TotalMilliseconds:F0} ms), {cpu.TotalMicroseconds / vertices:F1} us/vertex CPU"));

    /// <summary>Layers of 100 vertices; returns the top layer as targets.</summary>
    private static Edge[] BuildGraph(int vertexCount, string salt)
    {
        const int Width = 100;
        var root = new ExecMount("/") { Input = 0, Output = 0 };
        var scratch = new ExecOp(["noop", salt], [new ExecMount("/") { Output = 0 }]);
        var below = Enumerable.Range(0, Width)
            .Select(i => new Vertex(scratch with { Args = ["noop", salt, $"0.{i}"] }))
            .ToArray();
        for (var layer = 1; layer < vertexCount / Width; layer++)
        {
            var current = new Vertex[Width];
            for (var i = 0; i < Width; i++)
            {
                var op = new ExecOp(["noop", $"{layer}.{i}"], [root, new ExecMount("/mnt") { Input = 1, Selector = "/x", ReadOnly = true }]);
                current[i] = new Vertex(op, [below[i], below[(i * 7 + layer) % Width]]);
            }

            below = current;
        }

        return [.. below.Select(v => new Edge(v))];
    }
}

using Kiln.Diagnostics;
using Kiln.Progress;
using Kiln.Solver;
using Kiln.Tests.Solver.Fakes;
using static Kiln.Tests.Solver.Fakes.Eventually;
using static Kiln.Tests.Solver.Fakes.TestGraph;

namespace Kiln.Tests.Solver;

public sealed class SchedulerConcurrencyTests
{
    [Fact]
    public async Task ConcurrentRequestsShareOneExecutionOfCommonWork()
    {
        using var harness = new SolverHarness();
        var shared = Run(Image("busybox"), "shared", "gate");
        var first = harness.SolveAsync(Run(shared, "target1", "write", "/1", "1"));
        var second = harness.SolveAsync(Run(shared, "target2", "write", "/2", "2"));
        await harness.Backend.Started("shared");
        await WaitUntil(() => harness.Scheduler.Waiters(shared) == 2);

        harness.Backend.Open("shared");
        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, harness.Backend.Executions("shared"));
        Assert.Equal(1, harness.Backend.Executions("busybox"));
        Assert.Equal(1, harness.Progress.Count<VertexStarted>(e => e.Name == "shared"));
        Assert.Equal("1", harness.Backend.Tree(results[0][0].Result).Files["/1"]);
        Assert.Equal("2", harness.Backend.Tree(results[1][0].Result).Files["/2"]);
    }

    [Fact]
    public async Task CancellingStopsRunningWorkAndRecordsNothingForIt()
    {
        using var harness = new SolverHarness();
        var blocked = Run(Image("busybox"), "blocked", "gate");
        var graph = Run(blocked, "after", "write", "/a", "1");
        using var cancellation = new CancellationTokenSource();
        var solve = harness.Scheduler.SolveAsync(Targets(graph), SolveOptions.Default, cancellation.Token);
        await harness.Backend.Started("blocked");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solve);
        await WaitUntil(() => harness.Progress.Count<VertexErrored>() == 1);
        Assert.True(harness.Backend.WasCancelled("blocked"));
        Assert.Equal(0, harness.Backend.Executions("after"));
        Assert.Single(await harness.Cache.ListAsync(CancellationToken.None));
        Assert.Equal(ErrorCodes.Cancelled, harness.Progress.Events.OfType<VertexErrored>().Single().Code);

        harness.Backend.Open("blocked");
        var retry = await harness.SolveAsync(graph);

        Assert.Equal(2, harness.Backend.Executions("blocked"));
        Assert.Equal(1, harness.Backend.Executions("after"));
        Assert.Equal(3, (await harness.Cache.ListAsync(CancellationToken.None)).Length);
        Assert.False(retry[0].Cached);
    }

    [Fact]
    public async Task CancellingOneRequestLeavesSharedWorkRunningForTheOther()
    {
        using var harness = new SolverHarness();
        var shared = Run(Image("busybox"), "shared", "gate");
        using var cancellation = new CancellationTokenSource();
        var cancelled = harness.Scheduler.SolveAsync(Targets(Run(shared, "one", "noop", "1")), SolveOptions.Default, cancellation.Token);
        var kept = harness.SolveAsync(Run(shared, "two", "noop", "2"));
        await harness.Backend.Started("shared");
        await WaitUntil(() => harness.Scheduler.Waiters(shared) == 2);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        harness.Backend.Open("shared");
        await kept;

        Assert.False(harness.Backend.WasCancelled("shared"));
        Assert.Equal(1, harness.Backend.Executions("shared"));
        Assert.Equal(1, harness.Backend.Executions("two"));
        Assert.Equal(0, harness.Backend.Executions("one"));
    }

    [Fact]
    public async Task ExecutionIsBoundedByMaxParallelism()
    {
        using var harness = new SolverHarness(maxParallelism: 2);
        var image = Image("busybox");
        var leaves = Enumerable.Range(0, 8).Select(i => Run(image, $"leaf{i}", "gate", $"{i}")).ToArray();
        var solve = harness.SolveAsync(leaves);
        await WaitUntil(() => Enumerable.Range(0, 8).Count(i => harness.Backend.Executions($"leaf{i}") > 0) == 2);

        for (var i = 0; i < 8; i++)
        {
            harness.Backend.Open($"leaf{i}");
        }

        await solve;

        Assert.Equal(2, harness.Backend.MaxRunning);
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(1, harness.Backend.Executions($"leaf{i}")));
    }

    [Fact]
    public async Task EndingTheSessionCancelsRunningWork()
    {
        using var harness = new SolverHarness();
        var solve = harness.SolveAsync(Run(Image("busybox"), "blocked", "gate"));
        await harness.Backend.Started("blocked");

        harness.Scheduler.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solve);
        Assert.True(harness.Backend.WasCancelled("blocked"));
        Assert.Single(await harness.Cache.ListAsync(CancellationToken.None));
    }
}

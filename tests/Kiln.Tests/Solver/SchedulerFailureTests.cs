using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Progress;
using Kiln.Solver;
using Kiln.Tests.Solver.Fakes;
using static Kiln.Tests.Solver.Fakes.Eventually;
using static Kiln.Tests.Solver.Fakes.TestGraph;

namespace Kiln.Tests.Solver;

public sealed class SchedulerFailureTests
{
    private static readonly SourceSpan RunLine = SourceSpan.Lines("Dockerfile", 3, 3);

    [Fact]
    public async Task FailureCarriesTheVertexSourceAndStopsDependents()
    {
        using var harness = new SolverHarness();
        var failing = RunIn(Image("busybox"), "make", null, RunLine, "fail");
        var sibling = Run(Image("alpine"), "sibling", "gate");

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(Run(failing, "after", "noop"), sibling));

        Assert.Equal(ErrorCodes.VertexFailed, error.Code);
        Assert.Equal(RunLine, error.Span);
        Assert.Equal(0, harness.Backend.Executions("after"));
        Assert.True(harness.Backend.WasCancelled("sibling") || harness.Backend.Executions("sibling") == 0);
        var errored = harness.Progress.Events.OfType<VertexErrored>().Single(e => e.Vertex == failing.Digest);
        Assert.Equal(ErrorCodes.VertexFailed, errored.Code);
    }

    [Fact]
    public async Task FailureReachesEveryRequestWaitingForTheVertex()
    {
        using var harness = new SolverHarness();
        var failing = RunIn(Image("busybox"), "make", null, RunLine, "fail");

        var errors = await Task.WhenAll(
            Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(Run(failing, "one", "noop"))),
            Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(Run(failing, "two", "noop"))));

        Assert.All(errors, e => Assert.Equal(RunLine, e.Span));
    }

    [Fact]
    public async Task FailedVertexIsRetriedByALaterRequestInTheSameSession()
    {
        using var harness = new SolverHarness();
        var failing = RunIn(Image("busybox"), "make", null, RunLine, "fail");
        await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(failing));

        await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(failing));

        Assert.Equal(2, harness.Backend.Executions("make"));
        Assert.Equal(1, harness.Backend.Executions("busybox"));
    }

    [Fact]
    public async Task OpWithoutARunnerFailsWithItsSource()
    {
        using var harness = new SolverHarness();
        var diff = new Vertex(new DiffOp(-1, 0), [Image("busybox")], Meta("diff", span: RunLine));

        var error = await Assert.ThrowsAsync<KilnException>(() => harness.SolveAsync(diff));

        Assert.Equal(ErrorCodes.NoOpRunner, error.Code);
        Assert.Equal(RunLine, error.Span);
    }

    [Fact]
    public async Task RunnerReturningTheWrongNumberOfResultsIsRejected()
    {
        var backend = new FakeBackend();
        var resolver = OpResolver.Empty.With(new FakeImageRunner(backend)).With(new EmptyExecRunner());
        using var scheduler = new Scheduler(
            resolver, new Kiln.Solver.Cache.MemoryCacheStore(), backend, NullProgressSink.Instance, TimeProvider.System);

        var error = await Assert.ThrowsAsync<KilnException>(() => scheduler.SolveAsync(
            Targets(RunIn(Image("busybox"), "x", null, RunLine, "noop")), SolveOptions.Default, CancellationToken.None));

        Assert.Equal(ErrorCodes.RunnerResultMismatch, error.Code);
        Assert.Equal(RunLine, error.Span);
    }

    private sealed class EmptyExecRunner : OpRunner<ExecOp>
    {
        protected override Task<ImmutableArray<OpResult>> RunAsync(ExecOp op, OpRunContext context, CancellationToken cancellationToken) =>
            Task.FromResult(ImmutableArray<OpResult>.Empty);
    }
}

using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.Tests.Solver.Fakes;

/// <summary>A scheduler session over the fake runners; <see cref="NewSession"/> simulates the next kiln process.</summary>
internal sealed class SolverHarness : IDisposable
{
    private Scheduler scheduler;

    public SolverHarness(ICacheStore? cache = null, int maxParallelism = 4, FakeBackend? backend = null)
    {
        Backend = backend ?? new FakeBackend();
        Cache = cache ?? new MemoryCacheStore();
        MaxParallelism = maxParallelism;
        scheduler = Create();
    }

    public FakeBackend Backend { get; }

    public ICacheStore Cache { get; private set; }

    public RecordingSink Progress { get; } = new();

    public int MaxParallelism { get; }

    public Scheduler Scheduler => scheduler;

    public OpResolver Resolver => OpResolver.Empty
        .With(new FakeImageRunner(Backend))
        .With(new FakeLocalRunner(Backend))
        .With(new FakeExecRunner(Backend))
        .With(new FakeFileRunner(Backend))
        .With(new FakeMergeRunner(Backend));

    public Task<ImmutableArray<EdgeResult>> SolveAsync(params Vertex[] targets) =>
        scheduler.SolveAsync(TestGraph.Targets(targets), SolveOptions.Default, CancellationToken.None);

    public Task<ImmutableArray<EdgeResult>> SolveAsync(SolveOptions options, params Vertex[] targets) =>
        scheduler.SolveAsync(TestGraph.Targets(targets), options, CancellationToken.None);

    /// <summary>Ends this session and starts another over the same snapshots (and the given or same cache store).</summary>
    public void NewSession(ICacheStore? cache = null)
    {
        scheduler.Dispose();
        Cache = cache ?? Cache;
        Progress.Clear();
        scheduler = Create();
    }

    public void Dispose() => scheduler.Dispose();

    private Scheduler Create() =>
        new(Resolver, Cache, Backend, Progress, TimeProvider.System, new SchedulerSettings { MaxParallelism = MaxParallelism });
}

using Kiln.Progress;
using Kiln.Solver;
using Kiln.Solver.Cache;
using Kiln.Tests.Solver.Fakes;
using static Kiln.Tests.Solver.Fakes.TestGraph;

namespace Kiln.Tests.Solver;

public sealed class SchedulerCacheTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kiln-solver-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task SecondRunInANewProcessIsAllCachedFromTheReopenedDatabase()
    {
        var path = Path.Combine(directory, "kiln.db");
        var store = await SqliteCacheStore.OpenAsync(path, TimeProvider.System, CancellationToken.None);
        using var harness = new SolverHarness(store);
        var top = Run(Run(Image("busybox"), "a", "write", "/a", "1"), "b", "write", "/b", "2");

        var first = await harness.SolveAsync(top);
        store.Dispose();
        using var reopened = await SqliteCacheStore.OpenAsync(path, TimeProvider.System, CancellationToken.None);
        harness.NewSession(reopened);
        var second = await harness.SolveAsync(top);

        Assert.Equal(3, harness.Backend.TotalExecutions);
        Assert.Equal(3, harness.Progress.Count<VertexCached>());
        Assert.Equal(0, harness.Progress.Count<VertexStarted>());
        Assert.True(second[0].Cached);
        Assert.Equal(first[0].Result, second[0].Result);
        Assert.Equal(first[0].CacheKey, second[0].CacheKey);
    }

    [Fact]
    public async Task ChangingOneStepRerunsItAndWhatFollowsOnly()
    {
        using var harness = new SolverHarness();
        var a = Run(Image("busybox"), "a", "write", "/a", "1");
        var sibling = Run(Image("busybox"), "sibling", "write", "/s", "1");
        await harness.SolveAsync(Run(Run(a, "b", "write", "/b", "1"), "c", "write", "/c", "1"), sibling);

        harness.NewSession();
        var changed = Run(Run(a, "b", "write", "/b", "CHANGED"), "c", "write", "/c", "1");
        var result = await harness.SolveAsync(changed, sibling);

        Assert.Equal(1, harness.Backend.Executions("a"));
        Assert.Equal(1, harness.Backend.Executions("sibling"));
        Assert.Equal(2, harness.Backend.Executions("b"));
        Assert.Equal(2, harness.Backend.Executions("c"));
        Assert.Equal(["a", "busybox", "sibling"], harness.Progress.Events.OfType<VertexCached>().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("CHANGED", harness.Backend.Tree(result[0].Result).Files["/b"]);
    }

    [Fact]
    public async Task ChangingAFileNoCopySelectsInvalidatesNothingDownstream()
    {
        using var harness = new SolverHarness();
        harness.Backend.Contexts["context"] = FakeTree.Empty.With("/src/app.c", "v1").With("/README", "r1");
        Kiln.Graph.Vertex Graph() => Run(Copy(Image("busybox"), Local("context"), "/src", "/app", "copy"), "build", "write", "/out", "x");
        await harness.SolveAsync(Graph());

        harness.NewSession();
        harness.Backend.Contexts["context"] = harness.Backend.Contexts["context"].With("/README", "r2");
        await harness.SolveAsync(Graph());

        Assert.Equal(2, harness.Backend.Executions("context"));
        Assert.Equal(1, harness.Backend.Executions("copy"));
        Assert.Equal(1, harness.Backend.Executions("build"));

        harness.NewSession();
        harness.Backend.Contexts["context"] = harness.Backend.Contexts["context"].With("/src/app.c", "v2");
        var result = await harness.SolveAsync(Graph());

        Assert.Equal(2, harness.Backend.Executions("copy"));
        Assert.Equal(2, harness.Backend.Executions("build"));
        Assert.Equal("v2", harness.Backend.Tree(result[0].Result).Files["/app/src/app.c"]);
    }

    [Fact]
    public async Task CopyFromAStageIgnoresChangesOutsideTheCopiedPath()
    {
        using var harness = new SolverHarness();
        Kiln.Graph.Vertex Builder(string junk) =>
            Run(Run(Image("golang"), "compile", "write", "/dist/app", "bin"), "scratch-notes", "write", "/tmp/notes", junk);
        Kiln.Graph.Vertex Final(string junk) => Run(Copy(Image("alpine"), Builder(junk), "/dist", "/", "copy-from-builder"), "final", "noop");
        await harness.SolveAsync(Final("one"));

        harness.NewSession();
        await harness.SolveAsync(Final("two"));

        Assert.Equal(2, harness.Backend.Executions("scratch-notes"));
        Assert.Equal(1, harness.Backend.Executions("copy-from-builder"));
        Assert.Equal(1, harness.Backend.Executions("final"));
    }

    [Fact]
    public async Task ReadOnlyMountContributesOnlyItsSelectedPaths()
    {
        using var harness = new SolverHarness();
        var builder = Run(Image("busybox"), "builder", "write", "/dist/app", "bin1");
        Kiln.Graph.Vertex Graph(Kiln.Graph.Vertex from) => RunWithMount(Image("alpine"), from, "/dist", "install", "noop");
        await harness.SolveAsync(Graph(builder));

        harness.NewSession();
        var rebuilt = Run(Run(Image("busybox"), "builder", "write", "/dist/app", "bin1"), "notes", "write", "/notes", "n");
        await harness.SolveAsync(Graph(rebuilt));

        Assert.Equal(1, harness.Backend.Executions("notes"));
        Assert.Equal(1, harness.Backend.Executions("install"));
    }

    [Fact]
    public async Task StepAfterARebuiltStepWithIdenticalOutputIsAHit()
    {
        using var harness = new SolverHarness();
        var graph = Run(Mkfile(Image("busybox"), "/config", "same", "base", stage: "base"), "after", "write", "/x", "1");
        await harness.SolveAsync(graph);

        harness.NewSession();
        await harness.SolveAsync(new SolveOptions { NoCacheFilter = ["base"] }, graph);

        Assert.Equal(2, harness.Backend.Executions("base"));
        Assert.Equal(1, harness.Backend.Executions("after"));
        Assert.Equal(1, harness.Backend.Executions("busybox"));
        Assert.Equal(1, harness.Progress.Count<VertexCached>(e => e.Name == "after"));
    }

    [Fact]
    public async Task NoCacheRerunsEverythingAndStillRecords()
    {
        using var harness = new SolverHarness();
        var graph = Run(Image("busybox"), "a", "write", "/a", "1");
        await harness.SolveAsync(graph);
        harness.NewSession();

        await harness.SolveAsync(new SolveOptions { NoCache = true }, graph);
        harness.NewSession();
        await harness.SolveAsync(graph);

        Assert.Equal(2, harness.Backend.Executions("a"));
        Assert.Equal(2, harness.Backend.Executions("busybox"));
        Assert.Equal(2, harness.Progress.Count<VertexCached>());
    }

    [Fact]
    public async Task NoCacheFilterRerunsOnlyTheNamedStage()
    {
        using var harness = new SolverHarness();
        var graph = RunIn(RunIn(Image("busybox"), "deps", "deps", null, "write", "/d", "1"), "app", "app", null, "write", "/a", "1");
        await harness.SolveAsync(graph);
        harness.NewSession();

        await harness.SolveAsync(new SolveOptions { NoCacheFilter = ["app"] }, graph);

        Assert.Equal(1, harness.Backend.Executions("deps"));
        Assert.Equal(2, harness.Backend.Executions("app"));
    }

    [Fact]
    public async Task RecordWhoseSnapshotWasPrunedIsAMiss()
    {
        using var harness = new SolverHarness();
        var graph = Run(Image("busybox"), "a", "write", "/a", "1");
        var first = await harness.SolveAsync(graph);
        harness.Backend.Prune(first[0].Result);
        harness.NewSession();

        var second = await harness.SolveAsync(graph);

        Assert.Equal(2, harness.Backend.Executions("a"));
        Assert.Equal(1, harness.Backend.Executions("busybox"));
        Assert.False(second[0].Cached);
        Assert.NotNull(await harness.Cache.LookupAsync(second[0].CacheKey, CancellationToken.None));
    }

    [Fact]
    public async Task RunnerLogsReachTheSinkStampedWithTheVertex()
    {
        using var harness = new SolverHarness();
        var graph = Run(Image("busybox"), "hello", "log", "hi");

        await harness.SolveAsync(graph);

        var log = Assert.Single(harness.Progress.Events.OfType<VertexLog>());
        Assert.Equal(graph.Digest, log.Vertex);
        Assert.Equal("hi"u8.ToArray(), log.Data.ToArray());
        Assert.Equal([graph.Inputs[0].Vertex.Digest], harness.Progress.Events.OfType<VertexStarted>().Single(e => e.Name == "hello").Inputs.ToArray());
        Assert.Equal(2, harness.Progress.Count<VertexCompleted>());
    }

    [Fact]
    public async Task UnreadableRecordIsAMissThatGetsReplaced()
    {
        var path = Path.Combine(directory, "kiln.db");
        using var store = await SqliteCacheStore.OpenAsync(path, TimeProvider.System, CancellationToken.None);
        using var harness = new SolverHarness(store);
        var graph = Run(Image("busybox"), "a", "write", "/a", "1");
        var first = await harness.SolveAsync(graph);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE solver_cache SET results = 'garbage' WHERE key = '{first[0].CacheKey}';";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        harness.NewSession();
        var second = await harness.SolveAsync(graph);
        var warnings = harness.Progress.Count<ProgressWarning>();
        harness.NewSession();
        var third = await harness.SolveAsync(graph);

        Assert.False(second[0].Cached);
        Assert.Equal(1, warnings);
        Assert.True(third[0].Cached);
        Assert.Equal(2, harness.Backend.Executions("a"));
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Build;
using Kiln.Build.Runners;
using Kiln.Build.Snapshots;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.IntegrationTests.Registry;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Registry;
using Kiln.Snapshots;
using Kiln.Snapshots.Unix;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.IntegrationTests.Build;

/// <summary>
/// A kiln root with every filesystem runner composed behind one scheduler, a local context directory and a cache
/// that lives as long as the harness; files of results are read through snapshot views.
/// </summary>
internal sealed class BuildHarness : IAsyncDisposable
{
    public static readonly SourceSpan Span = SourceSpan.Lines("Dockerfile", 7, 7);

    private readonly SnapshotRoot root;
    private readonly RegistryClient registry;
    private readonly HttpClient http = new();

    private BuildHarness(SnapshotRoot root)
    {
        this.root = root;
        Snapshotter = SnapshotterFactory.OverlayWorks(root.Paths) ? root.Overlay : root.Copy;
        Context = Path.Combine(root.Directory, "context");
        Directory.CreateDirectory(Context);
        Sources = LocalSources.ForContext(Context);
        LocalRegistry.EnsureRunning();
        registry = LocalRegistry.Client();
    }

    public Snapshotter Snapshotter { get; }

    public Kiln.Content.KilnPaths Paths => root.Paths;

    public string Context { get; }

    public LocalSources Sources { get; set; }

    public MemoryCacheStore Cache { get; } = new();

    public ConcurrentQueue<ProgressEvent> Events { get; } = new();

    public int Executed => Events.OfType<VertexStarted>().Count();

    public static async Task<BuildHarness> CreateAsync() => new(await SnapshotRoot.CreateAsync());

    public static Vertex Busybox() =>
        new(new ImageSourceOp(Reference.Parse($"{LocalRegistry.Address}/busybox:latest"), Platform.Parse("linux/amd64")));

    public static Vertex File(Op op, params Vertex[] inputs) =>
        new(op, [.. inputs.Select(v => new Edge(v))], new VertexMetadata { Name = "file", Source = Span });

    public Vertex Local(params string[] include) => new(new LocalSourceOp("context") { IncludePatterns = [.. include] });

    /// <summary>Writes a context file with the given mode and a fixed mtime.</summary>
    public string Write(string relative, string content, int mode = 0x1A4)
    {
        var path = Path.Combine(Context, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        FileOps.Chmod(path, (uint)mode);
        System.IO.File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return path;
    }

    public async Task<EdgeResult> SolveAsync(Vertex vertex, SolveOptions? options = null)
    {
        var resolver = OpResolver.Empty
            .With(new ImageSourceRunner(registry, root.Store, Snapshotter))
            .With(new LocalSourceRunner(Snapshotter, root.Paths, Sources))
            .With(new FileOpRunner(Snapshotter, root.Paths))
            .With(new MergeOpRunner(Snapshotter, root.Paths))
            .With(new HttpSourceRunner(root.Store, Snapshotter, root.Paths, http));
        var sink = new Sink(Events);
        using var scheduler = new Scheduler(resolver, Cache, new SnapshotResultInspector(Snapshotter, root.Paths), sink, TimeProvider.System);
        var results = await scheduler.SolveAsync([vertex], options ?? SolveOptions.Default, CancellationToken.None);
        return Assert.Single(results);
    }

    /// <summary>Solves and returns a view of the result's files (dispose it).</summary>
    public async Task<SnapshotView> SolveAndViewAsync(Vertex vertex) =>
        await SnapshotView.MountAsync(Snapshotter, root.Paths, (await SolveAsync(vertex)).Result.Id, CancellationToken.None);

    public async Task<SnapshotInfo> StatAsync(string key) =>
        await Snapshotter.StatAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"no snapshot {key}");

    public string FilesOf(SnapshotInfo snapshot) => Snapshotter.FilesDirectory(snapshot);

    public async ValueTask DisposeAsync()
    {
        registry.Dispose();
        http.Dispose();
        await root.DisposeAsync();
    }

    private sealed class Sink(ConcurrentQueue<ProgressEvent> events) : IProgressSink
    {
        public void Emit(ProgressEvent progressEvent) => events.Enqueue(progressEvent);
    }
}

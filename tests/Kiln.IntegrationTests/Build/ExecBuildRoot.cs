using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Kiln.Build.Runners;
using Kiln.Build.Snapshots;
using Kiln.Dockerfile.Conversion;
using Kiln.Exec;
using Kiln.Exec.Runtime;
using Kiln.Graph;
using Kiln.IntegrationTests.Registry;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.IntegrationTests.Build;

/// <summary>
/// A kiln root for RUN tests: busybox from the local registry through the image source runner, the exec op runner
/// with a real runc executor (started lazily, counted), one cache store across solves, and the progress events.
/// </summary>
internal sealed class ExecBuildRoot : IAsyncDisposable
{
    private readonly SnapshotRoot root;
    private readonly ExecSession session;
    private int executorStarts;

    private ExecBuildRoot(SnapshotRoot root, ExecSession session, bool copy)
    {
        this.root = root;
        this.session = session;
        Snapshotter = !copy && SnapshotterFactory.OverlayWorks(root.Paths) ? root.Overlay : root.Copy;
    }

    /// <summary>The mount points runc creates in a rootfs without them; BuildKit's layers keep them too.</summary>
    public static string[] RuntimeDirectories => ["dev", "proc", "sys"];

    /// <summary>The root mount of a step on input 0, committed as output 0.</summary>
    public static ExecMount RootMount => new("/") { Input = 0, Output = 0 };

    public Snapshotter Snapshotter { get; }

    public MemoryCacheStore Cache { get; } = new();

    public ConcurrentQueue<ProgressEvent> Events { get; } = new();

    public int ExecutorStarts => executorStarts;

    /// <summary>A fresh root on the overlay driver, or the copy driver with <paramref name="copy"/>.</summary>
    public static async Task<ExecBuildRoot> CreateAsync(ExecSession? session = null, bool copy = false)
    {
        Assert.True(Environment.IsPrivilegedProcess, "RUN integration tests run runc and must run as root (see scripts/setup.sh)");
        return new ExecBuildRoot(await SnapshotRoot.CreateAsync(), session ?? ExecSession.Default, copy);
    }

    public static Vertex Busybox(string platform = "linux/amd64")
    {
        LocalRegistry.EnsureRunning();
        return new Vertex(new ImageSourceOp(Reference.Parse($"{LocalRegistry.Address}/busybox:latest"), Platform.Parse(platform)));
    }

    /// <summary>A shell step on <paramref name="root"/> (output 0 of the vertex) with extra mounts on further inputs.</summary>
    public static Vertex Run(Edge root, string script, ImmutableArray<ExecMount> mounts = default, ImmutableArray<Edge> inputs = default, VertexMetadata? metadata = null) =>
        new(new ExecOp(["/bin/sh", "-c", script], [RootMount, .. mounts.IsDefault ? [] : mounts]), [root, .. inputs.IsDefault ? [] : inputs], metadata);

    public async Task<EdgeResult> SolveAsync(Edge target, ICacheStore? cache = null, CancellationToken cancellationToken = default)
    {
        using var registry = LocalRegistry.Client();
        var runner = new ExecOpRunner(StartExecutorAsync, Snapshotter, root.Paths, session);
        var resolver = OpResolver.Empty.With(new ImageSourceRunner(registry, root.Store, Snapshotter)).With(runner);
        using var scheduler = new Scheduler(resolver, cache ?? Cache, new Results(Snapshotter), new Sink(Events), TimeProvider.System);
        return Assert.Single(await scheduler.SolveAsync([target], SolveOptions.Default, cancellationToken));
    }

    /// <summary>Converts a Dockerfile whose base images come from the local registry; returns the target's root vertex.</summary>
    public async Task<Vertex> ConvertAsync(string dockerfile, string platform = "linux/amd64")
    {
        using var registry = LocalRegistry.Client();
        var images = new ImageSourceRunner(registry, root.Store, Snapshotter);
        var fetcher = new ImageBlobFetcher(registry, root.Store);
        async ValueTask<ImageConfig?> ConfigAsync(Reference image, Platform target, CancellationToken cancellationToken)
        {
            var resolved = await images.ResolveAsync(image, target, cancellationToken);
            await fetcher.EnsureAsync(resolved.Repository, resolved.Manifest.Config, null, cancellationToken);
            return ImageConfig.Parse(await root.Store.ReadAllBytesAsync(resolved.Manifest.Config.Digest, cancellationToken));
        }

        var request = new ConversionRequest(dockerfile, ConfigAsync) { TargetPlatforms = [Platform.Parse(platform)] };
        var result = await DockerfileConverter.ConvertAsync(request, CancellationToken.None);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return Assert.Single(result.Platforms).Root!;
    }

    /// <summary>A file of a result as the next step would see it (its whole chain).</summary>
    public async Task<string?> ReadAsync(OpResult result, string path)
    {
        await using var view = await SnapshotView.MountAsync(Snapshotter, root.Paths, result.Id, CancellationToken.None);
        var file = Path.Combine(view.Path, path.TrimStart('/'));
        return File.Exists(file) ? await File.ReadAllTextAsync(file) : null;
    }

    /// <summary>The names in a directory of a result as the next step would see it.</summary>
    public async Task<List<string>> ListAsync(OpResult result, string path)
    {
        await using var view = await SnapshotView.MountAsync(Snapshotter, root.Paths, result.Id, CancellationToken.None);
        return [.. Directory.EnumerateFileSystemEntries(Path.Combine(view.Path, path.TrimStart('/'))).Select(p => Path.GetFileName(p)!)];
    }

    /// <summary>The paths a result's own layer holds (for overlay: its upper directory), relative and sorted.</summary>
    public async Task<List<string>> LayerEntriesAsync(OpResult result)
    {
        Assert.Equal(OverlaySnapshotter.DriverName, Snapshotter.Driver);
        var info = await Snapshotter.StatAsync(result.Id, CancellationToken.None);
        Assert.NotNull(info);
        var files = Snapshotter.FilesDirectory(info);
        var entries = Directory.EnumerateFileSystemEntries(files, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(files, p)).ToList();
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>Everything the vertex's process printed on one stream.</summary>
    public string Logs(Vertex vertex, LogStream stream) =>
        string.Concat(Events.OfType<VertexLog>().Where(l => l.Vertex == vertex.Digest && l.Stream == stream).Select(l => Encoding.UTF8.GetString(l.Data.Span)));

    /// <summary>Mount points still present under the kiln root (views or steps not cleaned up).</summary>
    public IEnumerable<string> MountPointsLeft() =>
        Directory.Exists(Path.Combine(root.Paths.Root, "mnt")) ? Directory.EnumerateFileSystemEntries(Path.Combine(root.Paths.Root, "mnt")) : [];

    public async Task<ImmutableArray<SnapshotInfo>> SnapshotsAsync() => await Snapshotter.ListAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => root.DisposeAsync();

    private async Task<Executor> StartExecutorAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref executorStarts);
        RuntimeOptions options;
        try
        {
            options = RuntimeOptions.Create(root.Paths, Environment.GetEnvironmentVariable);
        }
        catch (Kiln.Diagnostics.KilnException e)
        {
            Assert.Fail(e.Message + " (run scripts/setup.sh)");
            throw;
        }

        return await Executor.StartAsync(options, cancellationToken);
    }

    /// <summary>Committed snapshots never change, so a selection's digest may name the snapshot and the paths.</summary>
    private sealed class Results(Snapshotter snapshotter) : IResultInspector
    {
        public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) =>
            await snapshotter.StatAsync(result.Id, cancellationToken) is { Kind: SnapshotKind.Committed };

        public ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Digest.Sha256(Encoding.UTF8.GetBytes(result.Id + "\n" + string.Join('\n', selection.Paths.Select(p => p.Path)))));
    }

    private sealed class Sink(ConcurrentQueue<ProgressEvent> events) : IProgressSink
    {
        public void Emit(ProgressEvent progressEvent) => events.Enqueue(progressEvent);
    }
}

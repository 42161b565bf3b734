using System.Collections.Concurrent;
using Kiln.Build.Runners;
using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.IntegrationTests.Registry;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.IntegrationTests.Build;

/// <summary>The image source runner against the local registry: pull, unpack, reuse, and errors.</summary>
public sealed class ImageSourceRunnerTests
{
    private const ushort MachineX8664 = 62;
    private const ushort MachineAarch64 = 183;

    public static TheoryData<string, ushort> Platforms => new()
    {
        { "linux/amd64", MachineX8664 },
        { "linux/arm64", MachineAarch64 },
    };

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task PullUnpacksThePlatformsFilesystem(string platform, ushort machine)
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        var progress = new CollectingSink();
        var vertex = new Vertex(new ImageSourceOp(Busybox(), Platform.Parse(platform)));

        var result = await SolveAsync(root, snapshotter, new MemoryCacheStore(), progress, vertex);

        var top = await snapshotter.StatAsync(result.Result.Id, CancellationToken.None);
        Assert.NotNull(top);
        Assert.Equal(SnapshotKind.Committed, top.Kind);
        var manifest = Manifest.Parse(await root.Store.ReadAllBytesAsync(result.Result.ContentDigest!.Value, CancellationToken.None));
        var config = ImageConfig.Parse(await root.Store.ReadAllBytesAsync(manifest.Config.Digest, CancellationToken.None));
        Assert.Equal(Platform.Parse(platform).Architecture, config.Architecture);
        Assert.Equal(ChainId.Compute(config.RootFS.DiffIds)[^1].ToString(), result.Result.Id);
        var busybox = await FindAsync(snapshotter, top, "bin/busybox");
        Assert.Equal(machine, ElfMachine(busybox));
        foreach (var layer in manifest.Layers)
        {
            Assert.True(await root.Store.ExistsAsync(layer.Digest, CancellationToken.None));
            Assert.Contains(progress.Statuses, s => s.Id == layer.Digest.ToString() && s.Completed && s.Current == layer.Size);
            Assert.Contains(progress.Statuses, s => s.Name == "extracting " + layer.Digest && s.Completed);
        }
    }

    [Fact]
    public async Task SecondSolveIsACacheHitAndFetchesNothing()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        var cache = new MemoryCacheStore();
        var vertex = new Vertex(new ImageSourceOp(Busybox(), Platform.Parse("linux/amd64")));
        var first = await SolveAsync(root, snapshotter, cache, new CollectingSink(), vertex);
        var blobs = await BlobsAsync(root);
        var snapshots = await snapshotter.ListAsync(CancellationToken.None);

        var second = await SolveAsync(root, snapshotter, cache, new CollectingSink(), vertex);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.Result, second.Result);
        Assert.Equal(blobs, await BlobsAsync(root));
        Assert.Equal(snapshots.Length, (await snapshotter.ListAsync(CancellationToken.None)).Length);
    }

    [Fact]
    public async Task RerunWithoutCacheRecordReusesSnapshotsAndBlobs()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        var vertex = new Vertex(new ImageSourceOp(Busybox(), Platform.Parse("linux/arm64")));
        var first = await SolveAsync(root, snapshotter, new MemoryCacheStore(), new CollectingSink(), vertex);
        var blobs = await BlobsAsync(root);
        var snapshots = await snapshotter.ListAsync(CancellationToken.None);
        var progress = new CollectingSink();

        var second = await SolveAsync(root, snapshotter, new MemoryCacheStore(), progress, vertex);

        Assert.False(second.Cached);
        Assert.Equal(first.Result.Id, second.Result.Id);
        Assert.Equal(first.Result.ContentDigest, second.Result.ContentDigest);
        Assert.Equal(blobs, await BlobsAsync(root));
        Assert.Equal(snapshots.Select(s => s.Key).Order(), (await snapshotter.ListAsync(CancellationToken.None)).Select(s => s.Key).Order());
        Assert.DoesNotContain(progress.Statuses, s => s.Name.StartsWith("extracting ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentSolvesInTwoSessionsShareOneSnapshotChain()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        var vertex = new Vertex(new ImageSourceOp(Busybox(), Platform.Parse("linux/amd64")));

        var results = await Task.WhenAll(
            SolveAsync(root, snapshotter, new MemoryCacheStore(), new CollectingSink(), vertex),
            SolveAsync(root, snapshotter, new MemoryCacheStore(), new CollectingSink(), vertex));

        Assert.Equal(results[0].Result.Id, results[1].Result.Id);
        var snapshots = await snapshotter.ListAsync(CancellationToken.None);
        Assert.All(snapshots, s => Assert.Equal(SnapshotKind.Committed, s.Kind));
        var manifest = Manifest.Parse(await root.Store.ReadAllBytesAsync(results[0].Result.ContentDigest!.Value, CancellationToken.None));
        Assert.Equal(manifest.Layers.Length, snapshots.Length);
    }

    [Fact]
    public async Task MissingRepositoryFailsWithRegistryCode()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        LocalRegistry.EnsureRunning();
        var vertex = new Vertex(new ImageSourceOp(LocalRegistry.NewRepository("missing").WithTag("latest"), Platform.Parse("linux/amd64")));

        var error = await Assert.ThrowsAsync<KilnException>(() => SolveAsync(root, snapshotter, new MemoryCacheStore(), new CollectingSink(), vertex));

        Assert.Equal(ErrorCodes.RegistryNotFound, error.Code);
        Assert.Empty(await snapshotter.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PlatformNotInTheIndexFailsWithNoMatchingPlatform()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var snapshotter = Snapshotter(root);
        var vertex = new Vertex(new ImageSourceOp(Busybox(), Platform.Parse("linux/s390x")));

        var error = await Assert.ThrowsAsync<KilnException>(() => SolveAsync(root, snapshotter, new MemoryCacheStore(), new CollectingSink(), vertex));

        Assert.Equal(ErrorCodes.NoMatchingPlatform, error.Code);
    }

    private static Reference Busybox()
    {
        LocalRegistry.EnsureRunning();
        return Reference.Parse($"{LocalRegistry.Address}/busybox:latest");
    }

    private static Snapshotter Snapshotter(SnapshotRoot root) =>
        SnapshotterFactory.OverlayWorks(root.Paths) ? root.Overlay : root.Copy;

    private static async Task<EdgeResult> SolveAsync(SnapshotRoot root, Snapshotter snapshotter, ICacheStore cache, IProgressSink progress, Vertex vertex)
    {
        using var registry = LocalRegistry.Client();
        var resolver = OpResolver.Empty.With(new ImageSourceRunner(registry, root.Store, snapshotter));
        using var scheduler = new Scheduler(resolver, cache, new SnapshotResults(snapshotter), progress, TimeProvider.System);
        var results = await scheduler.SolveAsync([vertex], SolveOptions.Default, CancellationToken.None);
        return Assert.Single(results);
    }

    /// <summary>Every stored blob with its file's identity (a blob fetched again gets a new file).</summary>
    private static async Task<List<string>> BlobsAsync(SnapshotRoot root)
    {
        var blobs = new List<string>();
        await foreach (var info in root.Store.WalkAsync(CancellationToken.None))
        {
            var path = root.Store.BlobPath(info.Digest);
            blobs.Add($"{info.Digest} {File.GetLastWriteTimeUtc(path).Ticks} {new FileInfo(path).Length}");
        }

        blobs.Sort(StringComparer.Ordinal);
        return blobs;
    }

    /// <summary>The file at <paramref name="path"/> in the topmost snapshot of the chain that has it.</summary>
    private static async Task<string> FindAsync(Snapshotter snapshotter, SnapshotInfo top, string path)
    {
        foreach (var snapshot in new[] { top }.Concat(await snapshotter.ParentChainAsync(top, CancellationToken.None)))
        {
            var candidate = Path.Combine(snapshotter.FilesDirectory(snapshot), path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"{path} is in no snapshot of {top.Key}");
        return "";
    }

    /// <summary>e_machine of an ELF file (little-endian, offset 18).</summary>
    private static ushort ElfMachine(string path)
    {
        var header = new byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        return (ushort)(header[18] | (header[19] << 8));
    }

    private sealed class SnapshotResults(Snapshotter snapshotter) : IResultInspector
    {
        public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) =>
            await snapshotter.StatAsync(result.Id, cancellationToken) is { Kind: SnapshotKind.Committed };

        public ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken) =>
            throw new NotSupportedException("image source results are never read by selection in these tests");
    }

    private sealed class CollectingSink : IProgressSink
    {
        private readonly ConcurrentQueue<ProgressEvent> events = new();

        public IEnumerable<VertexStatus> Statuses => events.OfType<VertexStatus>();

        public void Emit(ProgressEvent progressEvent) => events.Enqueue(progressEvent);
    }
}

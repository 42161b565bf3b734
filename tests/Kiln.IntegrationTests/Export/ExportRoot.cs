using Kiln.Build.Runners;
using Kiln.Build.Snapshots;
using Kiln.Content;
using Kiln.Export;
using Kiln.Export.Assembly;
using Kiln.Graph;
using Kiln.IntegrationTests.Registry;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots;
using Kiln.Solver;
using Kiln.Solver.Cache;

namespace Kiln.IntegrationTests.Export;

/// <summary>
/// A fresh kiln root for export tests: busybox pulled from the local registry by <see cref="ImageSourceRunner"/>,
/// result snapshots made by hand on top of it, and an <see cref="ExportPipeline"/> over them.
/// </summary>
internal sealed class ExportRoot : IAsyncDisposable
{
    private ExportRoot(SnapshotRoot root)
    {
        Root = root;
        Snapshotter = SnapshotterFactory.OverlayWorks(root.Paths) ? root.Overlay : root.Copy;
        Pipeline = new ExportPipeline(Snapshotter, root.Paths, root.Store, TimeProvider.System);
    }

    public SnapshotRoot Root { get; }

    public Snapshotter Snapshotter { get; }

    public ContentStore Store => Root.Store;

    public ExportPipeline Pipeline { get; }

    public static async Task<ExportRoot> CreateAsync() => new(await SnapshotRoot.CreateAsync());

    public string PathFor(string name) => Path.Combine(Root.Directory, name);

    /// <summary>Pulls busybox for a platform; returns the top snapshot, the platform manifest and its config.</summary>
    public async Task<(string Top, Manifest Manifest, ImageConfig Config)> PullBusyboxAsync(Platform platform)
    {
        LocalRegistry.EnsureRunning();
        using var registry = LocalRegistry.Client();
        var resolver = OpResolver.Empty.With(new ImageSourceRunner(registry, Store, Snapshotter));
        using var scheduler = new Scheduler(resolver, new MemoryCacheStore(), new SnapshotResults(Snapshotter), NullProgressSink.Instance, TimeProvider.System);
        var vertex = new Vertex(new ImageSourceOp(Reference.Parse($"{LocalRegistry.Address}/busybox:latest"), platform));
        var result = Assert.Single(await scheduler.SolveAsync([vertex], SolveOptions.Default, CancellationToken.None)).Result;
        var manifest = Manifest.Parse(await Store.ReadAllBytesAsync(result.ContentDigest!.Value, CancellationToken.None));
        var config = ImageConfig.Parse(await Store.ReadAllBytesAsync(manifest.Config.Digest, CancellationToken.None));
        return (result.Id, manifest, config);
    }

    /// <summary>A result snapshot over <paramref name="parent"/> holding the given files (path, content) written in its upper layer.</summary>
    public async Task<string> LayerAsync(string? parent, string seed, params (string Path, string Content)[] files)
    {
        var name = ResultSnapshots.Name(Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(seed + "|" + parent)));
        var result = await ResultSnapshots.CreateAsync(
            Snapshotter,
            Root.Paths,
            name,
            parent,
            async (dir, token) =>
            {
                foreach (var (path, content) in files)
                {
                    var target = Path.Combine(dir, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllTextAsync(target, content, token);
                }
            },
            mount: false,
            CancellationToken.None);
        return result.Id;
    }

    /// <summary>An image input as the Dockerfile converter would give it: the base config's history plus one entry per new layer.</summary>
    public static ImageInput Input(Platform platform, string? top, ImageConfig? baseConfig, params string[] newLayers)
    {
        var config = (baseConfig ?? ImageConfig.For(platform)) with { RootFS = RootFS.Empty, Created = null };
        config = config with { History = [.. config.History, .. newLayers.Select(n => new HistoryEntry { CreatedBy = n })] };
        return new ImageInput(platform, top, config) { BaseConfig = baseConfig };
    }

    public ValueTask DisposeAsync() => Root.DisposeAsync();

    private sealed class SnapshotResults(Snapshotter snapshotter) : IResultInspector
    {
        public async ValueTask<bool> ExistsAsync(OpResult result, CancellationToken cancellationToken) =>
            await snapshotter.StatAsync(result.Id, cancellationToken) is { Kind: SnapshotKind.Committed };

        public ValueTask<Digest> DigestSelectionAsync(OpResult result, InputSelection selection, CancellationToken cancellationToken) =>
            throw new NotSupportedException("export tests never select paths of a result");
    }
}

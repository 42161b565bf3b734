using Kiln.Build.Runners;
using Kiln.Content;
using Kiln.Content.Images;
using Kiln.Content.Metadata;
using Kiln.Exec;
using Kiln.Exec.Runtime;
using Kiln.Registry;
using Kiln.Snapshots;

namespace Kiln.Build;

/// <summary>
/// What every build of one kiln process shares: the root's metadata database, content store and snapshotter, the
/// registry client, the image resolver (one tag means one image for the whole process) and how to start the executor
/// (the exec runner does it on its first step, so a build without RUN never needs runc).
/// </summary>
internal sealed class BuildServices
{
    private readonly Func<string, string?> getEnvironmentVariable;

    private BuildServices(KilnPaths paths, MetadataDatabase database, Snapshotter snapshotter, RegistryClient registry, Func<string, string?> getEnvironmentVariable)
    {
        Paths = paths;
        Database = database;
        Store = new ContentStore(paths);
        Snapshotter = snapshotter;
        Registry = registry;
        LocalImages = new LocalImages(Store, new LocalImageStore(Store, new ImageTable(database)));
        Origins = new BlobOriginTable(database);
        Images = new ImageSourceRunner(registry, Store, snapshotter, LocalImages, Origins);
        this.getEnvironmentVariable = getEnvironmentVariable;
    }

    public KilnPaths Paths { get; }

    public MetadataDatabase Database { get; }

    public ContentStore Store { get; }

    public Snapshotter Snapshotter { get; }

    public RegistryClient Registry { get; }

    public ImageSourceRunner Images { get; }

    /// <summary>The client of ADD https://... sources, one per process.</summary>
    public HttpClient Http { get; } = new();

    /// <summary>Which registry repositories hold which blobs: pulls record them, pushes mount from them.</summary>
    public BlobOriginTable Origins { get; }

    /// <summary>kiln's image store and the session's OCI-layout images: used before any registry.</summary>
    public LocalImages LocalImages { get; }

    public static async Task<BuildServices> OpenAsync(
        KilnPaths paths, RegistryClient registry, Func<string, string?> getEnvironmentVariable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(paths.Root);
        var database = await MetadataDatabase.OpenAsync(paths, cancellationToken).ConfigureAwait(false);
        var choice = getEnvironmentVariable("KILN_SNAPSHOTTER") switch
        {
            "overlay" => SnapshotterChoice.Overlay,
            "copy" => SnapshotterChoice.Copy,
            _ => SnapshotterChoice.Auto,
        };
        var snapshotter = await SnapshotterFactory.CreateAsync(paths, database, choice, cancellationToken).ConfigureAwait(false);
        return new BuildServices(paths, database, snapshotter, registry, getEnvironmentVariable);
    }

    /// <summary>Starts an executor (runc, stale containers reaped); the exec runner calls it once, on its first RUN step.</summary>
    public Task<Executor> StartExecutorAsync(CancellationToken cancellationToken) =>
        Executor.StartAsync(RuntimeOptions.Create(Paths, getEnvironmentVariable), cancellationToken);
}

using Kiln.Content;
using Kiln.Content.Metadata;
using Kiln.Snapshots;

namespace Kiln.IntegrationTests.Snapshots;

/// <summary>A fresh kiln root with its metadata database, content store and both snapshotters; unmounts and deletes all at the end.</summary>
internal sealed class SnapshotRoot : IAsyncDisposable
{
    private readonly List<string> mounts = [];

    private SnapshotRoot(string directory, MetadataDatabase database)
    {
        Directory = directory;
        Paths = new KilnPaths(directory);
        Database = database;
        Store = new ContentStore(Paths);
        Overlay = new OverlaySnapshotter(Paths, database);
        Copy = new CopySnapshotter(Paths, database);
    }

    public string Directory { get; }

    public KilnPaths Paths { get; }

    public MetadataDatabase Database { get; }

    public ContentStore Store { get; }

    public OverlaySnapshotter Overlay { get; }

    public CopySnapshotter Copy { get; }

    public static async Task<SnapshotRoot> CreateAsync()
    {
        Assert.True(Environment.IsPrivilegedProcess, "snapshot integration tests need root (overlayfs, mknod): run them as root, see scripts/setup.sh");
        var directory = Path.Combine(Path.GetTempPath(), "kiln-it", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = await MetadataDatabase.OpenAsync(new KilnPaths(directory), CancellationToken.None);
        return new SnapshotRoot(directory, database);
    }

    /// <summary>Mounts an active snapshot on a new directory, remembered for unmounting at dispose.</summary>
    public async Task<string> MountAsync(Snapshotter snapshotter, string key)
    {
        var target = Path.Combine(Directory, "mnt-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(target);
        await snapshotter.MountAsync(key, target, CancellationToken.None);
        mounts.Add(target);
        return target;
    }

    public void Unmount(string target)
    {
        Snapshotter.Unmount(target);
        mounts.Remove(target);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var target in mounts)
        {
            Snapshotter.Unmount(target);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

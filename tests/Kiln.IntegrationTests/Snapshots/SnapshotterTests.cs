using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Layers;
using Kiln.Snapshots.Unix;
using Kiln.Tests.Snapshots;

namespace Kiln.IntegrationTests.Snapshots;

/// <summary>Both snapshotters on a real kiln root: busybox layers, mounts, commits, removal and crash cleanup.</summary>
public sealed class SnapshotterTests
{
    [Fact]
    public async Task BusyboxLayersApplyWithTheirDiffIdsAndMountTheSameTreeOnBothDrivers()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var image = await BusyboxImage.LoadAsync();
        var listings = new List<List<string>>();
        foreach (Snapshotter snapshotter in new Snapshotter[] { root.Overlay, root.Copy })
        {
            string? parent = null;
            for (var i = 0; i < image.Manifest.Layers.Length; i++)
            {
                await snapshotter.PrepareAsync($"{snapshotter.Driver}-extract-{i}", parent, CancellationToken.None);
                await using var blob = image.OpenLayer(i);
                var applied = await snapshotter.ApplyLayerAsync($"{snapshotter.Driver}-extract-{i}", blob, image.Manifest.Layers[i], CancellationToken.None);
                Assert.Equal(image.Config.RootFS.DiffIds[i], applied.DiffId);
                parent = $"{snapshotter.Driver}-layer-{i}";
                var committed = await snapshotter.CommitAsync($"{snapshotter.Driver}-extract-{i}", parent, CancellationToken.None);
                Assert.Equal(SnapshotKind.Committed, committed.Kind);
                Assert.True(committed.Size > 0);
            }

            await snapshotter.PrepareAsync($"{snapshotter.Driver}-run", parent, CancellationToken.None);
            var mounted = await root.MountAsync(snapshotter, $"{snapshotter.Driver}-run");
            Assert.True(FileStatus.Get(Path.Combine(mounted, "bin/busybox")).IsRegular);
            listings.Add(TreeListing.Of(mounted));
            root.Unmount(mounted);
        }

        Assert.True(listings[0].Count > 100);
        Assert.Equal(listings[0], listings[1]);
    }

    [Fact]
    public async Task OverlayApplyCopiesUpHardLinkTargetsAndKeepsLowerDirectoryMetadata()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var lower = new TarBuilder().Directory("tmp", (UnixFileMode)0x3ff).File("a", "shared").File("d/x", "1").File("o/old", "2").Build();
        var upper = new TarBuilder().File("tmp/new", "n").HardLink("b", "a").File("d/.wh.x", "").File("o/.wh..wh..opq", "").File("o/new", "3").File("c", "c").Build();
        await ApplyCommittedAsync(root.Overlay, "base", null, lower);
        await ApplyCommittedAsync(root.Overlay, "top", "base", upper);

        await root.Overlay.PrepareAsync("view", "top", CancellationToken.None);
        var mounted = await root.MountAsync(root.Overlay, "view");

        Assert.Equal(0x3ffu, FileStatus.Get(Path.Combine(mounted, "tmp")).Permissions);
        Assert.Equal("shared", await File.ReadAllTextAsync(Path.Combine(mounted, "b")));
        Assert.Equal(FileStatus.Get(Path.Combine(mounted, "a")).Inode, FileStatus.Get(Path.Combine(mounted, "b")).Inode);
        Assert.Equal(["a", "b", "c", "d", "o", "o/new", "tmp", "tmp/new"], TreeListing.Of(mounted).Select(l => l.Split(' ')[0]));
        var top = (await root.Overlay.StatAsync("top", CancellationToken.None))!;
        Assert.True(FileStatus.Get(Path.Combine(root.Overlay.FilesDirectory(top), "d/x")).IsWhiteout);
        Assert.Equal("y"u8.ToArray(), Xattrs.TryGet(Path.Combine(root.Overlay.FilesDirectory(top), "o"), Xattrs.OverlayOpaque));
    }

    [Theory]
    [InlineData(25)]
    [InlineData(90)] // the absolute lowerdir list exceeds a page: mounted through /proc/self/fd paths
    public async Task DeepChainsMountWithEveryLayerInPlace(int depth)
    {
        await using var root = await SnapshotRoot.CreateAsync();
        string? parent = null;
        for (var i = 0; i < depth; i++)
        {
            var tar = new TarBuilder().File($"level-{i}", $"{i}").File($"keep/{i}", "k");
            var bytes = (i > 0 ? tar.File($".wh.level-{i - 1}", "") : tar).Build();
            await ApplyCommittedAsync(root.Overlay, $"level-{i}", parent, bytes);
            parent = $"level-{i}";
        }

        await root.Overlay.PrepareAsync("top", parent, CancellationToken.None);
        var mounts = await root.Overlay.MountsAsync("top", CancellationToken.None);
        Assert.Equal(depth > 60, mounts[0].Options[0].Length > SnapshotMounter.MaxOptionsLength);
        var mounted = await root.MountAsync(root.Overlay, "top");

        Assert.Equal([$"level-{depth - 1}"], Directory.GetFiles(mounted).Select(Path.GetFileName));
        Assert.Equal(depth, Directory.GetFiles(Path.Combine(mounted, "keep")).Length);
        await File.WriteAllTextAsync(Path.Combine(mounted, "written"), "upper");
        root.Unmount(mounted);
        var top = (await root.Overlay.StatAsync("top", CancellationToken.None))!;
        Assert.True(File.Exists(Path.Combine(root.Overlay.FilesDirectory(top), "written")));
    }

    [Fact]
    public async Task HalfPreparedSnapshotsAndOrphanDirectoriesAreCleanedAtTheNextStart()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        await root.Overlay.PrepareAsync("finished", null, CancellationToken.None);
        var table = new SnapshotTable(root.Database);
        var half = await table.InsertPreparingAsync("half", null, OverlaySnapshotter.DriverName, CancellationToken.None);
        var halfDirectory = Path.Combine(root.Overlay.DriverDirectory, half.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(halfDirectory, "fs", "partial"));
        var orphan = Path.Combine(root.Overlay.DriverDirectory, "999999");
        Directory.CreateDirectory(Path.Combine(orphan, "fs"));

        Assert.Equal(0, await root.Overlay.CleanupAsync(Snapshotter.AbandonedAfter, TimeProvider.System, CancellationToken.None));
        var removed = await root.Overlay.CleanupAsync(TimeSpan.Zero, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.False(Directory.Exists(halfDirectory));
        Assert.False(Directory.Exists(orphan));
        Assert.Null(await root.Overlay.StatAsync("half", CancellationToken.None));
        Assert.Equal(SnapshotKind.Active, (await root.Overlay.StatAsync("finished", CancellationToken.None))!.Kind);
        await root.Overlay.PrepareAsync("half", null, CancellationToken.None); // the key is free again
    }

    [Fact]
    public async Task LifecycleRulesAreEnforced()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        await root.Overlay.PrepareAsync("a", null, CancellationToken.None);
        var notCommitted = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.PrepareAsync("b", "a", CancellationToken.None));
        await root.Overlay.CommitAsync("a", "A", CancellationToken.None);
        var again = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.CommitAsync("a", "A2", CancellationToken.None));
        await root.Overlay.PrepareAsync("b", "A", CancellationToken.None);
        var duplicate = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.PrepareAsync("b", "A", CancellationToken.None));
        var inUse = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.RemoveAsync("A", CancellationToken.None));
        var otherDriver = await Assert.ThrowsAsync<KilnException>(() => root.Copy.PrepareAsync("c", "A", CancellationToken.None));
        var missing = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.PrepareAsync("d", "nope", CancellationToken.None));
        var badKey = await Assert.ThrowsAsync<KilnException>(() => root.Overlay.PrepareAsync("", null, CancellationToken.None));

        Assert.Equal(ErrorCodes.SnapshotStateInvalid, notCommitted.Code);
        Assert.Equal(ErrorCodes.SnapshotNotFound, again.Code);
        Assert.Equal(ErrorCodes.SnapshotExists, duplicate.Code);
        Assert.Equal(ErrorCodes.SnapshotInUse, inUse.Code);
        Assert.Equal(ErrorCodes.SnapshotStateInvalid, otherDriver.Code);
        Assert.Equal(ErrorCodes.SnapshotNotFound, missing.Code);
        Assert.Equal(ErrorCodes.InvalidSnapshotKey, badKey.Code);
        var a = (await root.Overlay.StatAsync("A", CancellationToken.None))!;
        await root.Overlay.RemoveAsync("b", CancellationToken.None);
        await root.Overlay.RemoveAsync("A", CancellationToken.None);
        Assert.False(Directory.Exists(Path.GetDirectoryName(root.Overlay.FilesDirectory(a))));
        Assert.Empty(await root.Overlay.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AutoChoosesOverlayWhereItWorks()
    {
        await using var root = await SnapshotRoot.CreateAsync();

        var snapshotter = await SnapshotterFactory.CreateAsync(root.Paths, root.Database, SnapshotterChoice.Auto, CancellationToken.None);

        Assert.IsType<OverlaySnapshotter>(snapshotter);
        Assert.Empty(Directory.GetDirectories(Path.Combine(root.Directory, "snapshots"), "probe-*"));
    }

    internal static async Task ApplyCommittedAsync(Snapshotter snapshotter, string name, string? parent, byte[] tar)
    {
        await snapshotter.PrepareAsync(name + "-extract", parent, CancellationToken.None);
        var layer = new Descriptor(MediaType.OciLayer, Digest.Sha256(tar), tar.Length);
        await snapshotter.ApplyLayerAsync(name + "-extract", new MemoryStream(tar), layer, CancellationToken.None);
        await snapshotter.CommitAsync(name + "-extract", name, CancellationToken.None);
    }
}

using Kiln.Build.Snapshots;
using Kiln.IntegrationTests.Snapshots;
using Kiln.Oci;
using Kiln.Snapshots;

namespace Kiln.IntegrationTests.Build;

/// <summary>Results as committed snapshots named by cache key, and read-only views over their chain, on both drivers.</summary>
public sealed class ResultSnapshotTests
{
    public static TheoryData<string> Drivers => new() { OverlaySnapshotter.DriverName, "copy" };

    [Theory]
    [MemberData(nameof(Drivers))]
    public async Task ResultsStackOnTheirParentAndViewsShowTheWholeChainReadOnly(string driver)
    {
        await using var root = await SnapshotRoot.CreateAsync();
        Snapshotter snapshotter = driver == "copy" ? root.Copy : root.Overlay;
        var baseName = ResultSnapshots.Name(Digest.Sha256("base"u8));
        var topName = ResultSnapshots.Name(Digest.Sha256("top"u8));
        await ResultSnapshots.CreateAsync(snapshotter, root.Paths, baseName, null, (dir, _) => File.WriteAllTextAsync(Path.Combine(dir, "a"), "a"), mount: false, CancellationToken.None);
        var top = await ResultSnapshots.CreateAsync(snapshotter, root.Paths, topName, baseName, (dir, _) => File.WriteAllTextAsync(Path.Combine(dir, "b"), "b"), mount: true, CancellationToken.None);

        Assert.Equal(topName, top.Id);
        await using (var view = await SnapshotView.MountAsync(snapshotter, root.Paths, topName, CancellationToken.None))
        {
            Assert.Equal("a", await File.ReadAllTextAsync(Path.Combine(view.Path, "a")));
            Assert.Equal("b", await File.ReadAllTextAsync(Path.Combine(view.Path, "b")));
            Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(view.Path, "c"), "c"));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root.Paths.Root, "mnt")));
    }

    [Fact]
    public async Task AnExistingResultIsReusedAndAFailedFillLeavesNothing()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var name = ResultSnapshots.Name(Digest.Sha256("x"u8));
        var calls = 0;
        Task Fill(string dir, CancellationToken token)
        {
            calls++;
            return File.WriteAllTextAsync(Path.Combine(dir, "x"), "x", token);
        }

        await ResultSnapshots.CreateAsync(root.Overlay, root.Paths, name, null, Fill, mount: true, CancellationToken.None);
        await ResultSnapshots.CreateAsync(root.Overlay, root.Paths, name, null, Fill, mount: true, CancellationToken.None);
        Assert.Equal(1, calls);

        var failing = ResultSnapshots.Name(Digest.Sha256("y"u8));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ResultSnapshots.CreateAsync(
            root.Overlay, root.Paths, failing, name, (_, _) => throw new InvalidOperationException("boom"), mount: true, CancellationToken.None));
        var left = await root.Overlay.ListAsync(CancellationToken.None);
        Assert.Equal([name], left.Select(s => s.Key));
    }
}

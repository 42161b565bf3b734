using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Kiln.Oci;
using Kiln.Snapshots;
using Kiln.Snapshots.Layers;
using Kiln.Tests.Snapshots;

namespace Kiln.IntegrationTests.Snapshots;

/// <summary>
/// A change made in a mounted overlay snapshot, diffed into a layer by kiln, then applied by umoci and by kiln itself:
/// all three trees must be the same, whiteouts and opaque directories included.
/// </summary>
public sealed class DiffRoundTripTests
{
    [Fact]
    public async Task ALayerKilnWritesUnpacksToTheSameTreeWithUmociAndKiln()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var image = await BusyboxImage.LoadAsync();
        var baseKey = await ApplyImageAsync(root, image);

        await root.Overlay.PrepareAsync("step", baseKey, CancellationToken.None);
        var mounted = await root.MountAsync(root.Overlay, "step");
        MakeChanges(mounted);
        var expected = TreeListing.Of(mounted);
        root.Unmount(mounted);

        var options = LayerDiffOptions.Default with { ClampMtime = 1_700_000_000 };
        var diff = await root.Overlay.DiffAsync("step", root.Store, options, CancellationToken.None);
        var again = await root.Overlay.DiffAsync("step", root.Store, options, CancellationToken.None);
        Assert.Equal(diff.Layer, again.Layer);
        var names = await EntryNamesAsync(root, diff);
        Assert.Contains("bin/.wh.ls", names);
        Assert.Contains("etc/.wh..wh..opq", names);
        Assert.Equal(names.Order(StringComparer.Ordinal).Count(), names.Distinct().Count());

        var umociTree = await UnpackWithUmociAsync(root, image, diff);
        await root.Overlay.CommitAsync("step", "step-committed", CancellationToken.None);
        await SnapshotterTests.ApplyCommittedAsync(root.Overlay, "reapplied", baseKey, await root.Store.ReadAllBytesAsync(diff.Layer.Digest, CancellationToken.None));
        await root.Overlay.PrepareAsync("check", "reapplied", CancellationToken.None);
        var reapplied = await root.MountAsync(root.Overlay, "check");

        Assert.Equal(expected, TreeListing.Of(umociTree));
        Assert.Equal(expected, TreeListing.Of(reapplied));
    }

    /// <summary>Opaque directories are the one difference by design: the copy driver records those as individual whiteouts.</summary>
    [Fact]
    public async Task OverlayAndCopyDriversWriteTheSameBytesForTheSameChange()
    {
        await using var root = await SnapshotRoot.CreateAsync();
        var baseTar = new TarBuilder().File("a/one", "1").File("a/two", "2").File("b/three", "3").Directory("c").Build();
        var change = new TarBuilder().File("a/.wh.one", "").File("b/three", "changed").File("c/five", "5").File("d/e/six", "6").Build();
        var digests = new List<Digest>();
        foreach (Snapshotter snapshotter in new Snapshotter[] { root.Overlay, root.Copy })
        {
            await SnapshotterTests.ApplyCommittedAsync(snapshotter, snapshotter.Driver + "-base", null, baseTar);
            await snapshotter.PrepareAsync(snapshotter.Driver + "-step", snapshotter.Driver + "-base", CancellationToken.None);
            await snapshotter.ApplyLayerAsync(snapshotter.Driver + "-step", new MemoryStream(change), new Descriptor(MediaType.OciLayer, Digest.Sha256(change), change.Length), CancellationToken.None);
            var diff = await snapshotter.DiffAsync(snapshotter.Driver + "-step", root.Store, LayerDiffOptions.Default with { ClampMtime = 0 }, CancellationToken.None);
            digests.Add(diff.Layer.Digest);
        }

        Assert.Equal(digests[0], digests[1]);
    }

    private static void MakeChanges(string rootfs)
    {
        File.Delete(Path.Combine(rootfs, "bin/ls"));
        Directory.Delete(Path.Combine(rootfs, "etc"), recursive: true);
        Directory.CreateDirectory(Path.Combine(rootfs, "etc"));
        File.WriteAllText(Path.Combine(rootfs, "etc/fresh"), "new etc\n");
        Directory.CreateDirectory(Path.Combine(rootfs, "home/user/deep"));
        File.WriteAllText(Path.Combine(rootfs, "home/user/deep/file"), "deep\n");
        Kiln.Snapshots.Unix.FileOps.Chmod(Path.Combine(rootfs, "home/user/deep/file"), 0x140);
        File.CreateSymbolicLink(Path.Combine(rootfs, "usr/link"), "../bin/busybox");
        File.WriteAllText(Path.Combine(rootfs, "usr/hl1"), "linked\n");
        Kiln.Snapshots.Unix.FileOps.HardLink(Path.Combine(rootfs, "usr/hl1"), Path.Combine(rootfs, "usr/hl2"));
        Kiln.Snapshots.Unix.FileOps.Chmod(Path.Combine(rootfs, "tmp"), 0x1c0);
        Kiln.Snapshots.Unix.FileOps.Chown(Path.Combine(rootfs, "home/user"), 1000, 1000);
    }

    private static async Task<string> ApplyImageAsync(SnapshotRoot root, BusyboxImage image)
    {
        string? parent = null;
        for (var i = 0; i < image.Manifest.Layers.Length; i++)
        {
            await root.Overlay.PrepareAsync($"extract-{i}", parent, CancellationToken.None);
            await using var blob = image.OpenLayer(i);
            await root.Overlay.ApplyLayerAsync($"extract-{i}", blob, image.Manifest.Layers[i], CancellationToken.None);
            parent = $"busybox-{i}";
            await root.Overlay.CommitAsync($"extract-{i}", parent, CancellationToken.None);
        }

        return parent!;
    }

    private static async Task<List<string>> EntryNamesAsync(SnapshotRoot root, LayerDiffResult diff)
    {
        await using var blob = root.Store.OpenRead(diff.Layer.Digest);
        var tar = await LayerDecompression.OpenAsync(blob, diff.Layer.MediaType, diff.Layer.Digest, CancellationToken.None);
        var reader = new TarReader(tar);
        var names = new List<string>();
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }

    /// <summary>Writes an OCI layout holding busybox plus the kiln layer and unpacks it with <c>umoci raw unpack</c>.</summary>
    private static async Task<string> UnpackWithUmociAsync(SnapshotRoot root, BusyboxImage image, LayerDiffResult diff)
    {
        var layout = Path.Combine(root.Directory, "layout");
        var blobs = Path.Combine(layout, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        foreach (var layer in image.Manifest.Layers)
        {
            File.Copy(image.BlobPath(layer.Digest), Path.Combine(blobs, layer.Digest.Hex));
        }

        File.Copy(root.Store.BlobPath(diff.Layer.Digest), Path.Combine(blobs, diff.Layer.Digest.Hex));
        var diffIds = string.Join(',', image.Config.RootFS.DiffIds.Append(diff.DiffId).Select(d => $"\"{d}\""));
        var config = WriteBlob(blobs, $$$"""{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[{{{diffIds}}}]}}""");
        var layers = string.Join(',', image.Manifest.Layers.Append(diff.Layer).Select(l => $$"""{"mediaType":"{{l.MediaType}}","digest":"{{l.Digest}}","size":{{l.Size}}}"""));
        var manifest = WriteBlob(blobs, $$"""{"schemaVersion":2,"mediaType":"{{MediaType.OciManifest}}","config":{"mediaType":"{{MediaType.OciConfig}}","digest":"{{config.Digest}}","size":{{config.Size}}},"layers":[{{layers}}]}""");
        await File.WriteAllTextAsync(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        await File.WriteAllTextAsync(Path.Combine(layout, "index.json"), $$$"""{"schemaVersion":2,"manifests":[{"mediaType":"{{{MediaType.OciManifest}}}","digest":"{{{manifest.Digest}}}","size":{{{manifest.Size}}},"annotations":{"org.opencontainers.image.ref.name":"test"}}]}""");

        var rootfs = Path.Combine(root.Directory, "umoci-rootfs");
        var start = new ProcessStartInfo("umoci") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "raw", "unpack", "--image", layout + ":test", rootfs })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("umoci did not start: run scripts/setup.sh");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"umoci raw unpack failed ({process.ExitCode}): {errors}");
        return rootfs;
    }

    private static (Digest Digest, long Size) WriteBlob(string blobs, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var digest = Digest.Sha256(bytes);
        File.WriteAllBytes(Path.Combine(blobs, digest.Hex), bytes);
        return (digest, bytes.Length);
    }
}

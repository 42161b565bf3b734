using System.Collections.Immutable;
using System.Formats.Tar;
using Kiln.Export;
using Kiln.Export.Assembly;
using Kiln.Export.Layers;
using Kiln.Export.Outputs;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Snapshots.Layers;

namespace Kiln.IntegrationTests.Export;

/// <summary>SOURCE_DATE_EPOCH, rewrite-timestamp, recorded layers and identical digests from two kiln roots.</summary>
public sealed class ExportReproducibilityTests
{
    private const long Epoch = 1_700_000_000;
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");

    [Fact]
    public async Task TwoRootsGiveTheSameIndexDigestWithRewriteTimestamp()
    {
        await using var first = await ExportRoot.CreateAsync();
        await using var second = await ExportRoot.CreateAsync();

        var a = await BuildAndExportAsync(first, DateTime.UtcNow.AddDays(-3));
        var b = await BuildAndExportAsync(second, DateTime.UtcNow);

        Assert.Equal(MediaType.OciIndex, a.Root!.MediaType);
        Assert.Equal(a.Root, b.Root);
        Assert.Equal(
            a.Image!.Platforms.Select(p => p.Config.Digest),
            b.Image!.Platforms.Select(p => p.Config.Digest));
    }

    [Fact]
    public async Task RewriteTimestampClampsNewLayersAndKeepsBaseLayers()
    {
        await using var root = await ExportRoot.CreateAsync();
        var (top, manifest, config) = await root.PullBusyboxAsync(Amd64);
        var layer = await root.LayerAsync(top, "clamp", ("app/new.txt", "new"));

        var result = await ExportAsync(root, [ExportRoot.Input(Amd64, layer, config, "COPY new.txt /app/")], "type=oci,dest=" + root.PathFor("c.tar") + ",rewrite-timestamp=true");

        var exported = Manifest.Parse(await root.Store.ReadAllBytesAsync(result.Root!.Digest, CancellationToken.None));
        Assert.Equal(manifest.Layers.Select(l => l.Digest), exported.Layers.SkipLast(1).Select(l => l.Digest));
        var mtimes = await MtimesAsync(root, exported.Layers[^1]);
        Assert.Contains("app/new.txt", mtimes.Keys);
        Assert.All(mtimes.Values, t => Assert.True(t <= Epoch, $"mtime {t} is after the epoch"));
        var exportedConfig = ImageConfig.Parse(await root.Store.ReadAllBytesAsync(exported.Config.Digest, CancellationToken.None));
        Assert.Equal(Epoch, exportedConfig.Created!.Value.Value.ToUnixTimeSeconds());
        Assert.Equal(config.History, exportedConfig.History.Take(config.History.Length)); // base history keeps its times
        Assert.Equal(Epoch, exportedConfig.History[^1].Created!.Value.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task WithoutRewriteTimestampFileTimesStay()
    {
        await using var root = await ExportRoot.CreateAsync();
        var layer = await root.LayerAsync(null, "keep", ("now.txt", "now"));

        var result = await ExportAsync(root, [ExportRoot.Input(Amd64, layer, null, "COPY now.txt /")], "type=oci,dest=" + root.PathFor("k.tar"));

        var exported = Manifest.Parse(await root.Store.ReadAllBytesAsync(result.Root!.Digest, CancellationToken.None));
        Assert.True((await MtimesAsync(root, exported.Layers[0]))["now.txt"] > Epoch);
    }

    [Fact]
    public async Task ASecondExportReusesTheRecordedLayerInsteadOfDiffingAgain()
    {
        await using var root = await ExportRoot.CreateAsync();
        var layer = await root.LayerAsync(null, "once", ("a.txt", "a"));
        var input = ExportRoot.Input(Amd64, layer, null, "COPY a.txt /");
        var firstExport = await ExportAsync(root, [input], "type=oci,dest=" + root.PathFor("1.tar"));

        // a committed snapshot never changes; if the exporter diffed it again, this file would show up in the layer
        var info = await root.Snapshotter.StatAsync(layer, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(root.Snapshotter.FilesDirectory(info!), "b.txt"), "b");
        var secondExport = await ExportAsync(root, [input], "type=oci,dest=" + root.PathFor("2.tar"));
        var zstd = await ExportAsync(root, [input], "type=oci,dest=" + root.PathFor("3.tar") + ",compression=zstd");

        Assert.Equal(firstExport.Root, secondExport.Root);
        var recorded = await new SnapshotLayerTable(root.Snapshotter.Database).GetAsync(info!, LayerVariant.Of(LayerOptions.Default), CancellationToken.None);
        Assert.Equal(firstExport.Image!.Platforms[0].Layers[0].Digest, recorded!.Layer.Digest);
        var zstdLayer = zstd.Image!.Platforms[0].Layers[0];
        Assert.Contains("b.txt", (await MtimesAsync(root, zstdLayer)).Keys); // another variant is a new diff
    }

    [Fact]
    public async Task PulledLayersAreRecordedWithTheirRegistryBlobs()
    {
        await using var root = await ExportRoot.CreateAsync();
        var (top, manifest, _) = await root.PullBusyboxAsync(Arm64);

        var info = await root.Snapshotter.StatAsync(top, CancellationToken.None);
        var recorded = await new SnapshotLayerTable(root.Snapshotter.Database).GetAsync(info!, LayerVariant.Source, CancellationToken.None);

        Assert.Equal(manifest.Layers[^1], recorded!.Layer);
    }

    [Fact]
    public async Task FilesystemOutputsSetEveryMtimeToTheEpoch()
    {
        await using var root = await ExportRoot.CreateAsync();
        var (top, _, config) = await root.PullBusyboxAsync(Amd64);
        var layer = await root.LayerAsync(top, "fs-epoch", ("app/new.txt", "new"));
        var local = root.PathFor("local");
        var tar = root.PathFor("fs.tar");
        var outputs = OutputSpecParser.Parse([$"type=local,dest={local}", $"type=tar,dest={tar}"]).Outputs;

        await root.Pipeline.ExportAsync(
            new ExportRequest([ExportRoot.Input(Amd64, layer, config, "COPY new.txt /app/")], outputs) { SourceDateEpoch = Epoch },
            NullProgressSink.Instance,
            CancellationToken.None);

        Assert.Equal(Epoch, new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(local, "app", "new.txt"))).ToUnixTimeSeconds());
        Assert.Equal(Epoch, new DateTimeOffset(Directory.GetLastWriteTimeUtc(Path.Combine(local, "bin"))).ToUnixTimeSeconds());
        await using var file = File.OpenRead(tar);
        await using var reader = new TarReader(file);
        var entries = 0;
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            entries++;
            Assert.Equal(Epoch, entry.ModificationTime.ToUnixTimeSeconds());
            if (entry.Name == "bin/busybox")
            {
                Assert.Equal(TarEntryType.RegularFile, entry.EntryType);
                Assert.True(entry.Mode.HasFlag(UnixFileMode.UserExecute), "bin/busybox lost its execute bit");
            }
            else if (entry.Name == "bin/sh")
            {
                Assert.Equal((TarEntryType.SymbolicLink, "busybox"), (entry.EntryType, entry.LinkName));
            }
        }

        Assert.True(entries > 100, $"only {entries} entries in the filesystem tar");
    }

    private static async Task<ExportResult> BuildAndExportAsync(ExportRoot root, DateTime fileTime)
    {
        var inputs = ImmutableArray.CreateBuilder<ImageInput>();
        foreach (var platform in new[] { Amd64, Arm64 })
        {
            var (top, _, config) = await root.PullBusyboxAsync(platform);
            var copy = await root.LayerAsync(top, "copy-" + platform, ("usr/local/bin/tool", "built"));
            var copyInfo = await root.Snapshotter.StatAsync(copy, CancellationToken.None);
            File.SetLastWriteTimeUtc(Path.Combine(root.Snapshotter.FilesDirectory(copyInfo!), "usr", "local", "bin", "tool"), fileTime);
            var run = await root.LayerAsync(copy, "run-" + platform, ("etc/tool.conf", platform.ToString()));
            inputs.Add(ExportRoot.Input(platform, run, config, "COPY --from=build /out/tool /usr/local/bin/", "RUN tool --configure"));
        }

        return await ExportAsync(root, inputs.ToImmutable(), "type=oci,dest=" + root.PathFor("repro.tar") + ",rewrite-timestamp=true");
    }

    private static Task<ExportResult> ExportAsync(ExportRoot root, ImmutableArray<ImageInput> inputs, string output) =>
        root.Pipeline.ExportAsync(
            new ExportRequest(inputs, [OutputSpecParser.Parse(output)]) { SourceDateEpoch = Epoch },
            NullProgressSink.Instance,
            CancellationToken.None);

    private static async Task<Dictionary<string, long>> MtimesAsync(ExportRoot root, Descriptor layer)
    {
        var mtimes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var blob = root.Store.OpenRead(layer.Digest);
        await using var tar = await LayerDecompression.OpenAsync(blob, layer.MediaType, layer.Digest, CancellationToken.None);
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            mtimes[entry.Name.TrimEnd('/')] = entry.ModificationTime.ToUnixTimeSeconds();
        }

        return mtimes;
    }
}

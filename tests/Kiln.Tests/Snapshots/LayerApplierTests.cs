using System.Formats.Tar;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots.Layers;
using Kiln.Snapshots.Unix;

namespace Kiln.Tests.Snapshots;

/// <summary>Layer apply in direct mode (the copy snapshotter's): compression detection, entry kinds, metadata, whiteouts, diffIDs.</summary>
public sealed class LayerApplierTests
{
    private static readonly byte[] BasicTar = new TarBuilder()
        .Directory("etc")
        .File("etc/passwd", "root:x:0:0::/root:/bin/sh\n")
        .File("bin/tool", "#!/bin/sh\n", (UnixFileMode)0x1ed)
        .Symlink("bin/alias", "tool")
        .HardLink("bin/copy", "bin/tool")
        .Fifo("run/pipe")
        .File("setuid", "s", (UnixFileMode)0x9ed)
        .File("xattr", "x", pax: new() { ["SCHILY.xattr.user.kiln"] = "value" })
        .Build();

    public static TheoryData<string, string> Encodings => new()
    {
        { "plain", MediaType.OciLayer },
        { "gzip", MediaType.OciLayerGzip },
        { "zstd", MediaType.OciLayerZstd },
        { "gzip", MediaType.OciLayer }, // mislabelled: the magic bytes win
        { "zstd", MediaType.DockerLayerGzip },
        { "plain", MediaType.DockerLayer },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task AppliesEveryEncodingToTheSameTreeAndDiffId(string encoding, string mediaType)
    {
        using var sandbox = new Sandbox();
        var blob = encoding switch { "gzip" => TarBuilder.Gzip(BasicTar), "zstd" => TarBuilder.Zstd(BasicTar), _ => BasicTar };

        var result = await LayerApplier.ApplyAsync(new MemoryStream(blob), mediaType, Digest.Sha256(blob), sandbox.Root, WhiteoutMode.Direct, [], CancellationToken.None);

        Assert.Equal(Digest.Sha256(BasicTar), result.DiffId);
        Assert.Equal(BasicTar.Length, result.UncompressedSize);
        Assert.Equal(8, result.Entries);
        var tool = FileStatus.Get(Path.Combine(sandbox.Root, "bin/tool"));
        Assert.Equal(0x1edu, tool.Permissions);
        Assert.Equal(2u, tool.LinkCount);
        Assert.Equal(tool.Inode, FileStatus.Get(Path.Combine(sandbox.Root, "bin/copy")).Inode);
        Assert.Equal(1_700_000_000, tool.MtimeSeconds);
        Assert.Equal("tool", new FileInfo(Path.Combine(sandbox.Root, "bin/alias")).LinkTarget);
        Assert.Equal(LibC.ModeFifo, FileStatus.Get(Path.Combine(sandbox.Root, "run/pipe")).FileType);
        Assert.Equal(0x9edu, FileStatus.Get(Path.Combine(sandbox.Root, "setuid")).Permissions);
        Assert.Equal("value"u8.ToArray(), Xattrs.TryGet(Path.Combine(sandbox.Root, "xattr"), "user.kiln"));
        Assert.Equal(1_700_000_000, FileStatus.Get(Path.Combine(sandbox.Root, "etc")).MtimeSeconds);
    }

    public static TheoryData<string, byte[]> Corrupt => new()
    {
        { MediaType.OciLayerGzip, BasicTar }, // declared gzip, bytes are a plain tar
        { MediaType.OciLayerZstd, BasicTar },
        { MediaType.OciLayerGzip, TarBuilder.Gzip(BasicTar)[..40] }, // truncated gzip
        { MediaType.OciLayer, BasicTar[..700] }, // truncated tar
    };

    [Theory]
    [MemberData(nameof(Corrupt))]
    public async Task RejectsCorruptBlobs(string mediaType, byte[] blob)
    {
        using var sandbox = new Sandbox();

        var error = await Assert.ThrowsAsync<KilnException>(() =>
            LayerApplier.ApplyAsync(new MemoryStream(blob), mediaType, Digest.Sha256(blob), sandbox.Root, WhiteoutMode.Direct, [], CancellationToken.None));

        Assert.Equal(ErrorCodes.LayerCorrupt, error.Code);
    }

    [Fact]
    public async Task DirectWhiteoutsDeleteAndOpaqueDirectoriesKeepOnlyThisLayer()
    {
        using var sandbox = new Sandbox();
        var lower = new TarBuilder().File("gone", "1").File("keep", "2").File("d/old", "3").File("d/sub/older", "4").Directory("e").File("e/x", "5").Build();
        var upper = new TarBuilder().File("d/new", "6").File(".wh.gone", "").File("d/.wh..wh..opq", "").File("d/sub/newer", "7").File("e/.wh.x", "").Build();

        await ApplyAsync(sandbox.Root, lower);
        await ApplyAsync(sandbox.Root, upper);

        var tree = TreeListing.Of(sandbox.Root).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(["d", "d/new", "d/sub", "d/sub/newer", "e", "keep"], tree);
    }

    [Fact]
    public async Task ADirectoryEntryReplacesAFileAndKeepsAnExistingDirectory()
    {
        using var sandbox = new Sandbox();
        await ApplyAsync(sandbox.Root, new TarBuilder().File("x", "file").File("d/kept", "k").Build());
        await ApplyAsync(sandbox.Root, new TarBuilder().Directory("x", (UnixFileMode)0x1c0).Directory("d", (UnixFileMode)0x1c0).Build());

        Assert.True(FileStatus.Get(Path.Combine(sandbox.Root, "x")).IsDirectory);
        Assert.Equal(0x1c0u, FileStatus.Get(Path.Combine(sandbox.Root, "d")).Permissions);
        Assert.True(File.Exists(Path.Combine(sandbox.Root, "d/kept")));
    }

    [Fact]
    public async Task BinaryXattrsSurviveExactly()
    {
        using var sandbox = new Sandbox();
        byte[] binary = [0x01, 0x00, 0x00, 0x02, 0xc0, 0x80, 0xff, 0x00, 0xfe];
        var xattrs = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
            StringComparer.Ordinal, [new KeyValuePair<string, byte[]>("user.bin", binary)]);
        var longName = string.Join('/', Enumerable.Repeat(new string('l', 90), 3));
        using var buffer = new MemoryStream();
        var writer = new LayerTarWriter(buffer);
        await writer.WriteEntryAsync(new LayerEntry("plain", TarEntryType.RegularFile) { Mode = 0x1a4, Size = 1 }, new MemoryStream([1]), CancellationToken.None);
        await writer.WriteEntryAsync(new LayerEntry("cap", TarEntryType.RegularFile) { Mode = 0x1a4, Size = 2, Xattrs = xattrs }, new MemoryStream([1, 2]), CancellationToken.None);
        await writer.WriteEntryAsync(new LayerEntry(longName, TarEntryType.RegularFile) { Mode = 0x1a4, Xattrs = xattrs }, null, CancellationToken.None);
        await writer.FinishAsync(CancellationToken.None);

        await ApplyAsync(sandbox.Root, buffer.ToArray());

        Assert.Null(Xattrs.TryGet(Path.Combine(sandbox.Root, "plain"), "user.bin"));
        Assert.Equal(binary, Xattrs.TryGet(Path.Combine(sandbox.Root, "cap"), "user.bin"));
        Assert.Equal(binary, Xattrs.TryGet(Path.Combine(sandbox.Root, longName), "user.bin"));
    }

    [Fact]
    public async Task AHardLinkToAMissingTargetFails()
    {
        using var sandbox = new Sandbox();
        var tar = new TarBuilder().HardLink("h", "missing").Build();

        var error = await Assert.ThrowsAsync<KilnException>(() => ApplyAsync(sandbox.Root, tar));

        Assert.Equal(ErrorCodes.LayerApplyFailed, error.Code);
    }

    [Fact]
    public async Task AnUnsupportedEntryTypeIsRefused()
    {
        using var sandbox = new Sandbox();
        using var buffer = new MemoryStream();
        var writer = new LayerTarWriter(buffer);
        await writer.WriteEntryAsync(new LayerEntry("sock", TarEntryType.MultiVolume) { Mode = 0x1a4 }, null, CancellationToken.None);
        await writer.FinishAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<KilnException>(() => ApplyAsync(sandbox.Root, buffer.ToArray()));

        Assert.Equal(ErrorCodes.LayerUnsupportedEntry, error.Code);
    }

    private static Task<LayerApplyResult> ApplyAsync(string root, byte[] tar) =>
        LayerApplier.ApplyAsync(new MemoryStream(tar), MediaType.OciLayer, Digest.Sha256(tar), root, WhiteoutMode.Direct, [], CancellationToken.None);
}

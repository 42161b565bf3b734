using System.Formats.Tar;
using System.Text.Json;
using Kiln.Content;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Oci;
using Kiln.Tests.Content;

namespace Kiln.Tests.Export;

public sealed class OciLayoutWriterTests : IDisposable
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private readonly ExportFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task TarHoldsSortedReachableBlobsWithFixedMetadata()
    {
        var root = await TwoPlatformIndexAsync();
        var stray = await fixture.AddAsync(MediaType.OciLayer, ExportFixture.LayerTar("unrelated"));

        var entries = LayoutReader.Entries(await TarAsync(root, OciLayoutOptions.ForName("example.com/app:1.0")));

        var names = entries.Select(e => e.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["blobs/", "blobs/sha256/"], names.Take(2));
        Assert.Equal(["index.json", "oci-layout"], names.TakeLast(2));
        var blobs = (await ReachableBlobs.CollectAsync(fixture.Store, root, CancellationToken.None)).Select(d => LayoutEntry.BlobPath(d.Digest));
        Assert.Equal(blobs.Order(StringComparer.Ordinal), names.Where(n => n.StartsWith("blobs/sha256/", StringComparison.Ordinal) && n.Length > 13));
        Assert.DoesNotContain(LayoutEntry.BlobPath(stray.Digest), names);
        Assert.All(entries, e =>
        {
            Assert.Equal((0, 0, DateTimeOffset.UnixEpoch), (e.Uid, e.Gid, e.ModificationTime));
            Assert.Equal(e.EntryType == TarEntryType.Directory ? (UnixFileMode)0x1ed : (UnixFileMode)0x1a4, e.Mode);
        });
    }

    [Fact]
    public async Task IndexJsonNamesTheRootWithRefAndImageName()
    {
        var root = await TwoPlatformIndexAsync();

        var entries = LayoutReader.Entries(await TarAsync(root, OciLayoutOptions.ForName("example.com/app:1.0")));

        var index = ImageIndex.Parse(System.Text.Encoding.UTF8.GetBytes(LayoutReader.Text(entries, "index.json")));
        var listed = Assert.Single(index.Manifests);
        Assert.Equal((root.Digest, root.Size, root.MediaType), (listed.Digest, listed.Size, listed.MediaType));
        Assert.Equal("1.0", listed.Annotations[AnnotationKeys.ImageRefName]);
        Assert.Equal("example.com/app:1.0", listed.Annotations[OciLayoutFiles.ContainerdImageName]);
        using var layout = JsonDocument.Parse(LayoutReader.Text(entries, "oci-layout"));
        Assert.Equal("1.0.0", layout.RootElement.GetProperty("imageLayoutVersion").GetString());
    }

    [Fact]
    public async Task WithoutANameIndexJsonHasNoAnnotations()
    {
        var root = await TwoPlatformIndexAsync();

        var entries = LayoutReader.Entries(await TarAsync(root, null));

        var index = ImageIndex.Parse(System.Text.Encoding.UTF8.GetBytes(LayoutReader.Text(entries, "index.json")));
        Assert.Empty(Assert.Single(index.Manifests).Annotations);
    }

    [Fact]
    public async Task SameImageGivesIdenticalTarBytes()
    {
        var root = await TwoPlatformIndexAsync();

        var first = await TarAsync(root, OciLayoutOptions.ForName("app"));
        var second = await TarAsync(root, OciLayoutOptions.ForName("app"));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task TarRoundTripsIntoAStoreThatValidates()
    {
        var root = await TwoPlatformIndexAsync();
        var entries = LayoutReader.Entries(await TarAsync(root, null));
        using var other = new TempRoot();
        var store = new ContentStore(other.Paths);

        await LayoutReader.IngestAsync(entries, store);

        Assert.Empty(await ImageValidator.ValidateAsync(store, root, new ImageValidationOptions { VerifyDiffIds = true }, CancellationToken.None));
    }

    [Fact]
    public async Task DirectoryLayoutHoldsTheSameFilesAsTheTar()
    {
        var root = await TwoPlatformIndexAsync();
        var directory = Path.Combine(fixture.Directory, "out");

        await OciLayoutWriter.WriteDirectoryAsync(fixture.Store, root, directory, OciLayoutOptions.ForName("app:v2"), CancellationToken.None);

        var tarFiles = LayoutReader.Entries(await TarAsync(root, OciLayoutOptions.ForName("app:v2")))
            .Where(e => e.EntryType == TarEntryType.RegularFile)
            .ToDictionary(e => e.Name, e => ((MemoryStream)e.DataStream!).ToArray());
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);
        Assert.Equal(tarFiles.Keys.Order(), files.Keys.Order());
        Assert.All(files, f => Assert.Equal(tarFiles[f.Key], f.Value));
    }

    [Fact]
    public async Task LongPathsGetPaxHeadersWithFixedTimes()
    {
        var longName = "blobs/sha512/" + new string('a', 128);
        using var buffer = new MemoryStream();

        await DeterministicTar.WriteAsync(fixture.Store, [LayoutEntry.ForBytes(longName, [1, 2, 3]), LayoutEntry.ForBytes("oci-layout", [4])], buffer, CancellationToken.None);

        var entries = LayoutReader.Entries(buffer.ToArray());
        Assert.Equal(["blobs/", "blobs/sha512/", longName, "oci-layout"], entries.Select(e => e.Name));
        var pax = Assert.IsType<PaxTarEntry>(entries[2]);
        Assert.Equal(("0", "0"), (pax.ExtendedAttributes["atime"], pax.ExtendedAttributes["ctime"]));
        Assert.All(entries.Where(e => e != pax), e => Assert.IsType<UstarTarEntry>(e));
    }

    [Fact]
    public async Task DirectoryExportRepairsATruncatedBlob()
    {
        var root = await TwoPlatformIndexAsync();
        var directory = Path.Combine(fixture.Directory, "out");
        await OciLayoutWriter.WriteDirectoryAsync(fixture.Store, root, directory, null, CancellationToken.None);
        var damaged = Path.Combine(directory, LayoutEntry.BlobPath(root.Digest));
        File.WriteAllBytes(damaged, [1, 2, 3]);

        await OciLayoutWriter.WriteDirectoryAsync(fixture.Store, root, directory, null, CancellationToken.None);

        Assert.Equal(await fixture.Store.ReadAllBytesAsync(root.Digest, CancellationToken.None), File.ReadAllBytes(damaged));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task MissingBlobFailsTheExport()
    {
        var root = await TwoPlatformIndexAsync();
        var manifest = Manifest.Parse(await fixture.Store.ReadAllBytesAsync(
            ImageIndex.Parse(await fixture.Store.ReadAllBytesAsync(root.Digest, CancellationToken.None)).Manifests[0].Digest, CancellationToken.None));
        fixture.Delete(manifest.Config.Digest);

        var e = await Assert.ThrowsAsync<KilnException>(() => TarAsync(root, null));

        Assert.Equal(ErrorCodes.BlobNotFound, e.Code);
    }

    private async Task<Descriptor> TwoPlatformIndexAsync() => await fixture.IndexAsync([
        await fixture.ImageAsync(Amd64, [LayerCompression.Gzip, LayerCompression.Zstd]),
        await fixture.ImageAsync(Arm64, [LayerCompression.None]),
    ]);

    private async Task<byte[]> TarAsync(Descriptor root, OciLayoutOptions? options)
    {
        using var buffer = new MemoryStream();
        await OciLayoutWriter.WriteTarAsync(fixture.Store, root, buffer, options, CancellationToken.None);
        return buffer.ToArray();
    }
}

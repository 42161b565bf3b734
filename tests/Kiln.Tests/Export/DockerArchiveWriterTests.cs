using System.Collections.Immutable;
using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Oci;

namespace Kiln.Tests.Export;

public sealed class DockerArchiveWriterTests : IDisposable
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private readonly ExportFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task ManifestJsonNamesConfigTagsAndLayersInOrder()
    {
        var image = await fixture.ImageAsync(Amd64, [LayerCompression.Gzip, LayerCompression.None, LayerCompression.Zstd]);
        var manifest = Manifest.Parse(await fixture.Store.ReadAllBytesAsync(image.Digest, CancellationToken.None));

        var entries = LayoutReader.Entries(await ArchiveAsync(await fixture.IndexAsync([image]), ["busybox", "example.com/app:2"]));

        using var json = JsonDocument.Parse(LayoutReader.Text(entries, DockerArchiveWriter.ManifestFileName));
        var only = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(LayoutEntry.BlobPath(manifest.Config.Digest), only.GetProperty("Config").GetString());
        Assert.Equal(["busybox:latest", "example.com/app:2"], only.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(manifest.Layers.Select(l => LayoutEntry.BlobPath(l.Digest)), only.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.All(only.GetProperty("Layers").EnumerateArray(), l => Assert.Contains(entries, e => e.Name == l.GetString()));
    }

    [Fact]
    public async Task OciLayoutInsideTheArchiveListsTheSinglePlatformManifest()
    {
        var image = await fixture.ImageAsync(Arm64);

        var entries = LayoutReader.Entries(await ArchiveAsync(await fixture.IndexAsync([image]), ["app:1"]));

        var index = ImageIndex.Parse(System.Text.Encoding.UTF8.GetBytes(LayoutReader.Text(entries, "index.json")));
        var listed = Assert.Single(index.Manifests);
        Assert.Equal(image.Digest, listed.Digest);
        Assert.Equal("1", listed.Annotations[AnnotationKeys.ImageRefName]);
        Assert.Contains(entries, e => e.Name == "oci-layout");
    }

    [Fact]
    public async Task AttestationManifestsDoNotCountAsPlatforms()
    {
        var image = await fixture.ImageAsync(Amd64);
        var attestation = await fixture.ImageAsync(new Platform("unknown", "unknown"), []) with
        {
            Annotations = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
                KeyValuePair.Create(AnnotationKeys.DockerReferenceType, AnnotationKeys.AttestationManifest),
                KeyValuePair.Create(AnnotationKeys.DockerReferenceDigest, image.Digest.ToString())]),
        };

        var selected = await DockerArchiveWriter.SelectImageAsync(fixture.Store, await fixture.IndexAsync([image, attestation]), CancellationToken.None);

        Assert.Equal(image.Digest, selected.Digest);
    }

    [Fact]
    public async Task MultiPlatformIndexIsRefusedAsBuildxDoes()
    {
        var index = await fixture.IndexAsync([await fixture.ImageAsync(Amd64), await fixture.ImageAsync(Arm64)]);

        var e = await Assert.ThrowsAsync<KilnException>(() => ArchiveAsync(index, ["app"]));

        Assert.Equal(ErrorCodes.DockerExportManifestList, e.Code);
        Assert.StartsWith("docker exporter does not currently support exporting manifest lists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyIndexHasNoImageToExport()
    {
        var e = await Assert.ThrowsAsync<KilnException>(async () => await ArchiveAsync(await fixture.IndexAsync([]), []));

        Assert.Equal(ErrorCodes.ExportNoImage, e.Code);
    }

    [Fact]
    public async Task SameImageGivesIdenticalArchives()
    {
        var root = await fixture.ImageAsync(Amd64, [LayerCompression.Gzip]);

        Assert.Equal(await ArchiveAsync(root, ["app"]), await ArchiveAsync(root, ["app"]));
    }

    private async Task<byte[]> ArchiveAsync(Descriptor root, ImmutableArray<string> tags)
    {
        using var buffer = new MemoryStream();
        await DockerArchiveWriter.WriteAsync(fixture.Store, root, buffer, tags, CancellationToken.None);
        return buffer.ToArray();
    }
}

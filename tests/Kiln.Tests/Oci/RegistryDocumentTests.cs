using Kiln.Oci;

namespace Kiln.Tests.Oci;

/// <summary>Documents as the local test registry serves busybox (testdata/oci/busybox, written by another JSON encoder).</summary>
public class RegistryDocumentTests
{
    private static readonly byte[] IndexBytes = File.ReadAllBytes("testdata/oci/busybox/index.json");
    private static readonly byte[] ManifestBytes = File.ReadAllBytes("testdata/oci/busybox/manifest-amd64.json");
    private static readonly byte[] ConfigBytes = File.ReadAllBytes("testdata/oci/busybox/config-amd64.json");

    [Fact]
    public void IndexLeadsToTheAmd64ManifestByDigest()
    {
        var document = OciDocument.Parse(IndexBytes, "application/vnd.oci.image.index.v1+json", "busybox:latest");
        var chosen = PlatformMatcher.Only(Platform.Parse("linux/amd64")).Select(document.Index!);

        Assert.Equal("sha256:7fbda75716c2a1b8422d9f1140cd1aa30b8eb3290e7c4936f1954b37268d3ec4", Digest.Sha256(IndexBytes).ToString());
        Assert.Equal(3, document.Index!.Manifests.Length);
        chosen.Digest.Verify(ManifestBytes, chosen.Size);
    }

    [Fact]
    public void ManifestLeadsToTheConfigByDigest()
    {
        var manifest = Manifest.Parse(ManifestBytes);

        manifest.Config.Digest.Verify(ConfigBytes, manifest.Config.Size);
        Assert.Equal(MediaType.OciLayerGzip, Assert.Single(manifest.Layers).MediaType);
    }

    [Fact]
    public void CompactDocumentsInOciOrderReserializeByteForByte()
    {
        Assert.Equal(IndexBytes, ImageIndex.Parse(IndexBytes).ToBytes());
        Assert.Equal(ManifestBytes, Manifest.Parse(ManifestBytes).ToBytes());
    }

    [Fact]
    public void ConfigReadsItsPlatformAndLayers()
    {
        var config = ImageConfig.Parse(ConfigBytes);

        Assert.Equal(new Platform("linux", "amd64"), config.Platform);
        Assert.Equal(["sh"], config.Config.Cmd!.Value.ToArray());
        Assert.Single(config.RootFS.DiffIds);
        Assert.Equal(DateTimeOffset.UnixEpoch, config.Created!.Value.Value);
    }
}

using System.IO.Compression;
using Kiln.Export.Assembly;
using Kiln.Export.Layers;
using Kiln.Export.Outputs;
using Kiln.Oci;

namespace Kiln.Tests.Export.Layers;

public sealed class LayerOptionsTests
{
    private static readonly Digest Blob = Digest.Sha256("blob"u8);
    private static readonly Digest DiffId = Digest.Sha256("tar"u8);

    public static TheoryData<string, bool, string> Relabels => new()
    {
        { MediaType.DockerLayerGzip, false, MediaType.OciLayerGzip },
        { MediaType.OciLayerGzip, true, MediaType.DockerLayerGzip },
        { MediaType.OciLayerZstd, true, MediaType.DockerLayerZstd },
        { MediaType.DockerLayerZstd, false, MediaType.OciLayerZstd },
        { MediaType.OciLayer, true, MediaType.DockerLayer },
        { MediaType.DockerLayer, false, MediaType.OciLayer },
        { MediaType.OciLayerGzip, false, MediaType.OciLayerGzip },
    };

    [Theory]
    [MemberData(nameof(Relabels))]
    public void RelabelKeepsTheBytesAndChangesTheFamily(string from, bool docker, string to)
    {
        var layer = new SnapshotLayer(new Descriptor(from, Blob, 42), DiffId);

        var relabelled = LayerResolver.Relabel(layer, docker);

        Assert.Equal(new Descriptor(to, Blob, 42), relabelled.Layer);
        Assert.Equal(DiffId, relabelled.DiffId);
    }

    [Fact]
    public void RelabellingANonLayerFails() =>
        Assert.ThrowsAny<Exception>(() => LayerResolver.Relabel(new SnapshotLayer(new Descriptor(MediaType.OciConfig, Blob, 1), DiffId), docker: false));

    [Theory]
    [InlineData(null, CompressionLevel.Optimal)]
    [InlineData(0, CompressionLevel.NoCompression)]
    [InlineData(-1, CompressionLevel.NoCompression)]
    [InlineData(1, CompressionLevel.Fastest)]
    [InlineData(3, CompressionLevel.Fastest)]
    [InlineData(6, CompressionLevel.Optimal)]
    [InlineData(9, CompressionLevel.SmallestSize)]
    public void GzipLevels(int? level, CompressionLevel expected) => Assert.Equal(expected, LayerResolver.GzipLevel(level));

    [Fact]
    public void VariantNamesWhatChangesTheBytesButNotTheMediaTypes()
    {
        var gzip = LayerVariant.Of(LayerOptions.Default);

        Assert.Equal(gzip, LayerVariant.Of(LayerOptions.Default with { OciMediaTypes = false }));
        Assert.NotEqual(gzip, LayerVariant.Of(LayerOptions.Default with { Compression = LayerCompression.Zstd }));
        Assert.NotEqual(gzip, LayerVariant.Of(LayerOptions.Default with { Compression = LayerCompression.None }));
        Assert.NotEqual(gzip, LayerVariant.Of(LayerOptions.Default with { Level = 9 }));
        Assert.NotEqual(gzip, LayerVariant.Of(LayerOptions.Default with { ClampMtime = 0 }));
        Assert.NotEqual(LayerVariant.Source, gzip);
    }

    [Theory]
    [InlineData("zstd", false, -1, true)]
    [InlineData("gzip", false, -1, false)]
    [InlineData("gzip", false, (int)AnnotationTarget.Index, true)]
    [InlineData("gzip", false, (int)AnnotationTarget.ManifestDescriptor, true)]
    [InlineData("gzip", false, (int)AnnotationTarget.Manifest, false)]
    [InlineData("gzip", true, -1, true)]
    public void ZstdAndDescriptorAnnotationsForceOciMediaTypes(string compression, bool oci, int annotationTarget, bool expected)
    {
        var options = new ImageOptions
        {
            Layers = new LayerOptions { Compression = compression == "zstd" ? LayerCompression.Zstd : LayerCompression.Gzip, OciMediaTypes = oci },
            Annotations = annotationTarget < 0 ? [] : [new ImageAnnotation((AnnotationTarget)annotationTarget, null, "k", "v")],
        };

        Assert.Equal(expected, options.Effective().Layers.OciMediaTypes);
    }

    [Fact]
    public void OptionKeysAreEqualOnlyForTheSameOptions()
    {
        var a = new ImageOptions { Annotations = [new(AnnotationTarget.Manifest, null, "a", "1"), new(AnnotationTarget.Index, null, "b", "2")] };
        var reordered = new ImageOptions { Annotations = [new(AnnotationTarget.Index, null, "b", "2"), new(AnnotationTarget.Manifest, null, "a", "1")] };

        Assert.Equal(a.Key(), reordered.Key());
        Assert.NotEqual(a.Key(), (a with { SourceDateEpoch = 1 }).Key());
        Assert.NotEqual(a.Key(), (a with { Layers = a.Layers with { ForceCompression = true } }).Key());
        Assert.NotEqual(a.Key(), (a with { Layers = a.Layers with { OciMediaTypes = false } }).Key());
    }

    [Theory]
    [InlineData("linux/amd64", "linux_amd64")]
    [InlineData("linux/arm64", "linux_arm64")]
    [InlineData("linux/arm/v7", "linux_arm_v7")]
    [InlineData("linux/arm", "linux_arm_v7")]
    public void PlatformDirectoriesAreNamedLikeBuildKits(string platform, string directory) =>
        Assert.Equal(directory, FilesystemExporter.DirectoryName(Platform.Parse(platform)));
}

using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Oci;

public class MediaTypeTests
{
    /// <summary>Every known media type with its kind, compression (for layers), non-distributable and Docker flags.</summary>
    public static TheoryData<string, string, string, bool, bool> Known => new()
    {
        { MediaType.OciManifest, "Manifest", "", false, false },
        { MediaType.OciIndex, "Index", "", false, false },
        { MediaType.OciConfig, "Config", "", false, false },
        { MediaType.OciLayer, "Layer", "None", false, false },
        { MediaType.OciLayerGzip, "Layer", "Gzip", false, false },
        { MediaType.OciLayerZstd, "Layer", "Zstd", false, false },
        { MediaType.OciLayerNonDistributable, "Layer", "None", true, false },
        { MediaType.OciLayerNonDistributableGzip, "Layer", "Gzip", true, false },
        { MediaType.OciLayerNonDistributableZstd, "Layer", "Zstd", true, false },
        { MediaType.OciEmpty, "Empty", "", false, false },
        { MediaType.DockerManifest, "Manifest", "", false, true },
        { MediaType.DockerManifestList, "Index", "", false, true },
        { MediaType.DockerManifestSchema1, "ManifestSchema1", "", false, true },
        { MediaType.DockerManifestSchema1Signed, "ManifestSchema1", "", false, true },
        { MediaType.DockerConfig, "Config", "", false, true },
        { MediaType.DockerLayer, "Layer", "None", false, true },
        { MediaType.DockerLayerGzip, "Layer", "Gzip", false, true },
        { MediaType.DockerLayerZstd, "Layer", "Zstd", false, true },
        { MediaType.DockerLayerForeign, "Layer", "None", true, true },
        { MediaType.DockerLayerForeignGzip, "Layer", "Gzip", true, true },
        { MediaType.InToto, "InToto", "", false, false },
        { MediaType.BuildKitCacheConfig, "Config", "", false, false },
        { "application/vnd.oci.image.layer.v1.tar+gzip+encrypted", "Unknown", "", false, false },
        { "application/vnd.oci.image.layer.v1.tar+GZIP", "Unknown", "", false, false },
        { "APPLICATION/VND.OCI.IMAGE.MANIFEST.V1+JSON", "Unknown", "", false, false },
        { "application/json", "Unknown", "", false, false },
        { "", "Unknown", "", false, false },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void ClassifiesEveryMediaType(string mediaType, string kind, string compression, bool nonDistributable, bool docker)
    {
        Assert.Equal(kind, MediaType.KindOf(mediaType).ToString());
        Assert.Equal(kind == "Manifest", MediaType.IsManifest(mediaType));
        Assert.Equal(kind == "Index", MediaType.IsIndex(mediaType));
        Assert.Equal(kind == "Config", MediaType.IsConfig(mediaType));
        Assert.Equal(kind == "Layer", MediaType.IsLayer(mediaType));
        Assert.Equal(nonDistributable, MediaType.IsNonDistributable(mediaType));
        Assert.Equal(docker, MediaType.IsDocker(mediaType));
        Assert.Equal(kind == "Layer", MediaType.TryGetCompression(mediaType, out var actual));
        if (kind == "Layer")
        {
            Assert.Equal(compression, actual.ToString());
            Assert.Equal(compression, MediaType.CompressionOf(mediaType).ToString());
        }
        else
        {
            Assert.Equal(ErrorCodes.UnknownMediaType, Assert.Throws<KilnException>(() => MediaType.CompressionOf(mediaType)).Code);
        }
    }

    [Theory]
    [InlineData("None", false, MediaType.OciLayer)]
    [InlineData("Gzip", false, MediaType.OciLayerGzip)]
    [InlineData("Zstd", false, MediaType.OciLayerZstd)]
    [InlineData("None", true, MediaType.DockerLayer)]
    [InlineData("Gzip", true, MediaType.DockerLayerGzip)]
    [InlineData("Zstd", true, MediaType.DockerLayerZstd)]
    public void LayerMediaTypeForCompression(string compression, bool docker, string expected) =>
        Assert.Equal(expected, MediaType.ForLayer(Enum.Parse<LayerCompression>(compression), docker));

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/vnd.oci.image.manifest.v1+json", true)]
    [InlineData("a/b", true)]
    [InlineData("x-foo!#$&^_.+-/y", true)]
    [InlineData("application", false)]
    [InlineData("/json", false)]
    [InlineData("application/", false)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("application/js on", false)]
    [InlineData("application/json/x", false)]
    [InlineData(".app/json", false)]
    [InlineData("app/-json", false)]
    [InlineData("applicatión/json", false)]
    [InlineData("", false)]
    public void WellFormedMediaTypes(string mediaType, bool expected) => Assert.Equal(expected, MediaType.IsWellFormed(mediaType));

    [Fact]
    public void OverlongMediaTypePartIsNotWellFormed()
    {
        Assert.True(MediaType.IsWellFormed("a/" + new string('b', 127)));
        Assert.False(MediaType.IsWellFormed("a/" + new string('b', 128)));
    }

    [Theory]
    [InlineData("application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.index.v1+json")]
    [InlineData(" Application/JSON ; charset=utf-8", "application/json")]
    [InlineData("text/plain;", "text/plain")]
    public void ContentTypeLosesParameters(string contentType, string expected) => Assert.Equal(expected, MediaType.FromContentType(contentType));

    [Fact]
    public void ExpectReportsUnknownAndWrongKinds()
    {
        MediaType.Expect(MediaType.OciLayerGzip, MediaTypeKind.Layer);
        var unknown = Assert.Throws<KilnException>(() => MediaType.Expect("application/x-unknown", MediaTypeKind.Layer, "reg/app:1"));
        var wrong = Assert.Throws<KilnException>(() => MediaType.Expect(MediaType.OciConfig, MediaTypeKind.Layer));

        Assert.Equal(ErrorCodes.UnknownMediaType, unknown.Code);
        Assert.Contains("application/x-unknown", unknown.Message, StringComparison.Ordinal);
        Assert.StartsWith("reg/app:1: ", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.UnknownMediaType, wrong.Code);
    }
}

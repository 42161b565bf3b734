using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class ManifestTests
{
    private const string Config = "{'mediaType':'application/vnd.oci.image.config.v1+json','digest':'" + DigestA + "','size':10}";
    private const string Layer = "{'mediaType':'application/vnd.oci.image.layer.v1.tar+gzip','digest':'" + DigestB + "','size':20}";

    public static TheoryData<string, string, int> InvalidManifests => new()
    {
        { "schemaVersion missing", "{'config':" + Config + ",'layers':[]}", 1109 },
        { "schemaVersion 1", "{'schemaVersion':1,'config':" + Config + ",'layers':[]}", 1113 },
        { "schemaVersion 3", "{'schemaVersion':3,'config':" + Config + ",'layers':[]}", 1113 },
        { "schemaVersion string", "{'schemaVersion':'2','config':" + Config + ",'layers':[]}", 1109 },
        { "config missing", "{'schemaVersion':2,'layers':[]}", 1109 },
        { "config null", "{'schemaVersion':2,'config':null,'layers':[]}", 1109 },
        { "config is array", "{'schemaVersion':2,'config':[],'layers':[]}", 1109 },
        { "layers missing", "{'schemaVersion':2,'config':" + Config + "}", 1109 },
        { "layers is object", "{'schemaVersion':2,'config':" + Config + ",'layers':{}}", 1109 },
        { "layer entry is string", "{'schemaVersion':2,'config':" + Config + ",'layers':['x']}", 1109 },
        { "layer negative size", "{'schemaVersion':2,'config':" + Config + ",'layers':[" + Layer.Replace("20", "-20") + "]}", 1109 },
        { "index media type", "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.index.v1+json','config':" + Config + ",'layers':[]}", 1115 },
        { "has manifests field", "{'schemaVersion':2,'config':" + Config + ",'layers':[],'manifests':[]}", 1115 },
        { "unknown media type", "{'schemaVersion':2,'mediaType':'text/html','config':" + Config + ",'layers':[]}", 1114 },
        { "mediaType number", "{'schemaVersion':2,'mediaType':7,'config':" + Config + ",'layers':[]}", 1109 },
        { "top level array", "[]", 1109 },
        { "top level string", "'manifest'", 1109 },
        { "malformed", "{'schemaVersion':2,", 1106 },
        { "not json", "<html>nope</html>", 1106 },
        { "deep nesting", "{'schemaVersion':2,'x':" + new string('[', 100) + new string(']', 100) + "}", 1106 },
    };

    [Theory]
    [MemberData(nameof(InvalidManifests))]
    public void InvalidManifestsAreRejectedWithTheirCode(string name, string json, int code)
    {
        var ex = Assert.Throws<KilnException>(() => Manifest.Parse(Json(json)));
        Assert.True(code == ex.Code.Number, $"{name}: got {ex.Code} {ex.Message}");
    }

    [Fact]
    public void OversizedManifestIsRejectedBeforeParsing()
    {
        var bytes = new byte[OciJson.MaxDocumentSize + 1];
        Array.Fill(bytes, (byte)' ');

        var ex = Assert.Throws<KilnException>(() => Manifest.Parse(bytes));
        Assert.Equal(ErrorCodes.DocumentTooLarge, ex.Code);
    }

    [Fact]
    public void MalformedJsonErrorCarriesLineAndColumn()
    {
        var ex = Assert.Throws<KilnException>(() => Manifest.Parse(Json("{\n  'schemaVersion': 2,\n  'config': x\n}"), "reg/app:1"));

        Assert.Equal(ErrorCodes.InvalidJson, ex.Code);
        Assert.Equal(new SourceSpan("reg/app:1", new SourcePosition(3, 13), new SourcePosition(3, 13)), ex.Span);
    }

    [Fact]
    public void DockerManifestRoundTripsWithCanonicalOrder()
    {
        var json = "{'layers':[" + Layer + "],'config':" + Config + ",'mediaType':'application/vnd.docker.distribution.manifest.v2+json','schemaVersion':2}";
        var manifest = Manifest.Parse(Json(json));

        Assert.True(manifest.IsDocker);
        Assert.Equal(10, manifest.Config.Size);
        Assert.Single(manifest.Layers);
        var expected = "{'schemaVersion':2,'mediaType':'application/vnd.docker.distribution.manifest.v2+json','config':" + Config + ",'layers':[" + Layer + "]}";
        Assert.Equal(Json(expected), manifest.ToBytes());
        Assert.Equal(manifest, Manifest.Parse(manifest.ToBytes()));
    }

    [Fact]
    public void MissingMediaTypeMeansOciAndArtifactFieldsAreKept()
    {
        var subject = "{'mediaType':'application/vnd.oci.image.manifest.v1+json','digest':'" + DigestC + "','size':30}";
        var json = "{'schemaVersion':2,'artifactType':'application/vnd.example+json','config':" + Config + ",'layers':[],'subject':" + subject + ",'annotations':{'b':'2','a':'1'}}";
        var manifest = Manifest.Parse(Json(json));

        Assert.Equal(MediaType.OciManifest, manifest.MediaType);
        Assert.False(manifest.IsDocker);
        Assert.Equal("application/vnd.example+json", manifest.ArtifactType);
        Assert.Equal(Digest.Parse(DigestC), manifest.Subject!.Digest);
        Assert.Equal(["a", "b"], manifest.Annotations.Keys);
        var expected = "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json','artifactType':'application/vnd.example+json','config':" + Config
            + ",'layers':[],'subject':" + subject + ",'annotations':{'a':'1','b':'2'}}";
        Assert.Equal(Json(expected), manifest.ToBytes());
    }

    [Fact]
    public void DescriptorOfWrittenBytesHashesThoseBytes()
    {
        var manifest = new Manifest(MediaType.OciManifest, Descriptor.Parse(Json(Config)), []);
        var (bytes, descriptor) = manifest.ToBytesWithDescriptor();

        Assert.Equal(Digest.Sha256(bytes), descriptor.Digest);
        Assert.Equal(bytes.Length, descriptor.Size);
        Assert.Equal(MediaType.OciManifest, descriptor.MediaType);
    }
}

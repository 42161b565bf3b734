using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class OciDocumentTests
{
    private const string Config = "{'mediaType':'application/vnd.oci.image.config.v1+json','digest':'" + DigestA + "','size':10}";
    private const string OciManifestJson = "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json','config':" + Config + ",'layers':[]}";
    private const string BareManifestJson = "{'schemaVersion':2,'config':" + Config + ",'layers':[]}";
    private const string DockerListJson = "{'schemaVersion':2,'mediaType':'application/vnd.docker.distribution.manifest.list.v2+json','manifests':[]}";
    private const string BareIndexJson = "{'schemaVersion':2,'manifests':[]}";

    public static TheoryData<string, string, string?, string, string> Detections => new()
    {
        { "oci manifest, matching content type", OciManifestJson, MediaType.OciManifest, "Manifest", MediaType.OciManifest },
        { "oci manifest, no content type", OciManifestJson, null, "Manifest", MediaType.OciManifest },
        { "oci manifest, application/json", OciManifestJson, "application/json; charset=utf-8", "Manifest", MediaType.OciManifest },
        { "bare manifest, docker content type", BareManifestJson, "Application/Vnd.Docker.Distribution.Manifest.V2+Json", "Manifest", MediaType.DockerManifest },
        { "bare manifest, octet-stream", BareManifestJson, "application/octet-stream", "Manifest", MediaType.OciManifest },
        { "docker list, no content type", DockerListJson, null, "Index", MediaType.DockerManifestList },
        { "bare index, oci content type", BareIndexJson, MediaType.OciIndex, "Index", MediaType.OciIndex },
        { "bare index, no content type", BareIndexJson, null, "Index", MediaType.OciIndex },
    };

    public static TheoryData<string, string, string?, int> Rejections => new()
    {
        { "index body, manifest content type", DockerListJson, MediaType.OciManifest, 1115 },
        { "manifests field, manifest content type", BareIndexJson, MediaType.DockerManifest, 1115 },
        { "manifest body, index content type", OciManifestJson, MediaType.OciIndex, 1115 },
        { "config field, index content type", BareManifestJson, MediaType.DockerManifestList, 1115 },
        { "schema 1 content type", "{'schemaVersion':1}", MediaType.DockerManifestSchema1Signed, 1113 },
        { "schema 1 fsLayers", "{'schemaVersion':1,'fsLayers':[]}", null, 1113 },
        { "unknown body media type", "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.config.v1+json'}", null, 1114 },
        { "nothing to tell", "{'schemaVersion':2}", "application/json", 1114 },
        { "array document", "[]", null, 1106 },
        { "truncated", "{'schemaVersion':2,'manifests':[", null, 1106 },
        { "deep nesting", "{'x':" + new string('[', 64) + new string(']', 64) + "}", null, 1106 },
    };

    [Theory]
    [MemberData(nameof(Detections))]
    public void DetectsKindAndMediaType(string name, string json, string? contentType, string kind, string mediaType)
    {
        var (detectedKind, detectedType) = OciDocument.Detect(Json(json), contentType);

        Assert.True(kind == detectedKind.ToString(), name);
        Assert.Equal(mediaType, detectedType);
    }

    [Theory]
    [MemberData(nameof(Rejections))]
    public void RejectsContradictoryOrUnknownDocuments(string name, string json, string? contentType, int code)
    {
        var ex = Assert.Throws<KilnException>(() => OciDocument.Detect(Json(json), contentType, "reg/app:1"));

        Assert.True(code == ex.Code.Number, $"{name}: got {ex.Code} {ex.Message}");
        Assert.StartsWith("reg/app:1: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseReturnsTheParsedIndex()
    {
        var document = OciDocument.Parse(Json(DockerListJson), MediaType.DockerManifestList);

        Assert.Equal(OciDocumentKind.Index, document.Kind);
        Assert.NotNull(document.Index);
        Assert.Null(document.Manifest);
        Assert.True(document.Index.IsDocker);
    }

    [Fact]
    public void ParseReturnsTheParsedManifest()
    {
        var document = OciDocument.Parse(Json(OciManifestJson), null);

        Assert.Equal(OciDocumentKind.Manifest, document.Kind);
        Assert.Equal(10, document.Manifest!.Config.Size);
        Assert.Null(document.Index);
    }

    [Fact]
    public void ContentTypeNamesTheTypeWhenTheBodyHasNone()
    {
        var document = OciDocument.Parse(Json(BareManifestJson), MediaType.DockerManifest);

        Assert.Equal(MediaType.DockerManifest, document.MediaType);
        Assert.Equal(MediaType.DockerManifest, document.Manifest!.MediaType);
        Assert.True(document.Manifest.IsDocker);
    }

    [Fact]
    public void OversizedDocumentIsRejected()
    {
        var ex = Assert.Throws<KilnException>(() => OciDocument.Detect(new byte[OciJson.MaxDocumentSize + 1], null));
        Assert.Equal(ErrorCodes.DocumentTooLarge, ex.Code);
    }
}

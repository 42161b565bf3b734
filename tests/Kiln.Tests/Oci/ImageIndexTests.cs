using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class ImageIndexTests
{
    private const string Amd64 = "{'mediaType':'application/vnd.oci.image.manifest.v1+json','digest':'" + DigestA + "','size':500,'platform':{'architecture':'amd64','os':'linux'}}";
    private const string Arm = "{'mediaType':'application/vnd.oci.image.manifest.v1+json','digest':'" + DigestB + "','size':501,'platform':{'architecture':'arm','os':'linux','variant':'v7'}}";

    public static TheoryData<string, string, int> InvalidIndexes => new()
    {
        { "manifests missing", "{'schemaVersion':2}", 1110 },
        { "manifests null", "{'schemaVersion':2,'manifests':null}", 1110 },
        { "manifests is object", "{'schemaVersion':2,'manifests':{}}", 1110 },
        { "schemaVersion missing", "{'manifests':[]}", 1110 },
        { "schemaVersion 1", "{'schemaVersion':1,'manifests':[]}", 1113 },
        { "schemaVersion negative", "{'schemaVersion':-2,'manifests':[]}", 1113 },
        { "manifest media type", "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json','manifests':[]}", 1115 },
        { "has layers", "{'schemaVersion':2,'manifests':[],'layers':[]}", 1115 },
        { "has config", "{'schemaVersion':2,'manifests':[],'config':{}}", 1115 },
        { "unknown media type", "{'schemaVersion':2,'mediaType':'application/json','manifests':[]}", 1114 },
        { "entry digest traversal", "{'schemaVersion':2,'manifests':[{'mediaType':'a/b','digest':'sha256:../../x','size':1}]}", 1110 },
        { "entry platform variant number", "{'schemaVersion':2,'manifests':[{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'platform':{'os':'linux','architecture':'arm','variant':7}}]}", 1110 },
        { "annotations array", "{'schemaVersion':2,'manifests':[],'annotations':[]}", 1110 },
        { "invalid utf8", "{'schemaVersion':2,'manifests':[],'annotations':{'a':'\u00ff'}}", 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidIndexes))]
    public void InvalidIndexesAreRejectedWithTheirCode(string name, string json, int code)
    {
        var bytes = Json(json);
        if (code == 0)
        {
            // Replace the two-byte UTF-8 form of U+00FF with a lone continuation byte.
            var i = Array.IndexOf(bytes, (byte)0xC3);
            bytes = [.. bytes[..i], 0xBF, .. bytes[(i + 2)..]];
            code = 1106;
        }

        var ex = Assert.Throws<KilnException>(() => ImageIndex.Parse(bytes));
        Assert.True(code == ex.Code.Number, $"{name}: got {ex.Code} {ex.Message}");
    }

    [Fact]
    public void DockerManifestListIsReadAndWrittenBack()
    {
        var json = "{'schemaVersion':2,'mediaType':'application/vnd.docker.distribution.manifest.list.v2+json','manifests':[" + Amd64 + "," + Arm + "]}";
        var index = ImageIndex.Parse(Json(json));

        Assert.True(index.IsDocker);
        Assert.Equal(2, index.Manifests.Length);
        Assert.Equal(new Platform("linux", "arm", "v7"), index.Manifests[1].Platform);
        Assert.Equal(Json(json), index.ToBytes());
    }

    [Fact]
    public void EmptyIndexIsValid()
    {
        var index = ImageIndex.Parse(Json("{'schemaVersion':2,'manifests':[]}"));

        Assert.Equal(MediaType.OciIndex, index.MediaType);
        Assert.Empty(index.Manifests);
        Assert.Equal(Json("{'schemaVersion':2,'mediaType':'application/vnd.oci.image.index.v1+json','manifests':[]}"), index.ToBytes());
    }

    [Fact]
    public void SerializationIsDeterministicWhateverTheInsertionOrder()
    {
        var first = new ImageIndex(MediaType.OciIndex, [Descriptor.Parse(Json(Amd64))])
        {
            Annotations = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("z", "1").Add("a", "2"),
        };
        var second = first with
        {
            Annotations = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("a", "2").Add("z", "1"),
        };

        Assert.Equal(first.ToBytes(), second.ToBytes());
        Assert.Equal(first, second);
    }
}

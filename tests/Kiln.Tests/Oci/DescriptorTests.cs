using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class DescriptorTests
{
    public static TheoryData<string, string, int> InvalidDescriptors => new()
    {
        { "missing mediaType", "{'digest':'" + DigestA + "','size':1}", 1108 },
        { "mediaType without slash", "{'mediaType':'json','digest':'" + DigestA + "','size':1}", 1108 },
        { "mediaType with space", "{'mediaType':'application/x y','digest':'" + DigestA + "','size':1}", 1108 },
        { "mediaType is a number", "{'mediaType':5,'digest':'" + DigestA + "','size':1}", 1108 },
        { "missing digest", "{'mediaType':'a/b','size':1}", 1108 },
        { "path traversal digest", "{'mediaType':'a/b','digest':'sha256:../../x','size':1}", 1108 },
        { "uppercase hex digest", "{'mediaType':'a/b','digest':'" + DigestA.ToUpperInvariant().Replace("SHA256", "sha256") + "','size':1}", 1108 },
        { "short digest", "{'mediaType':'a/b','digest':'sha256:abc','size':1}", 1108 },
        { "md5 digest", "{'mediaType':'a/b','digest':'md5:d41d8cd98f00b204e9800998ecf8427e','size':1}", 1108 },
        { "missing size", "{'mediaType':'a/b','digest':'" + DigestA + "'}", 1108 },
        { "negative size", "{'mediaType':'a/b','digest':'" + DigestA + "','size':-1}", 1108 },
        { "fractional size", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1.5}", 1108 },
        { "size as string", "{'mediaType':'a/b','digest':'" + DigestA + "','size':'1'}", 1108 },
        { "size overflows int64", "{'mediaType':'a/b','digest':'" + DigestA + "','size':99999999999999999999}", 1108 },
        { "relative url", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'urls':['x/y']}", 1108 },
        { "urls not an array", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'urls':'http://x'}", 1108 },
        { "annotation value number", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'annotations':{'a':1}}", 1108 },
        { "platform without os", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'platform':{'architecture':'amd64'}}", 1108 },
        { "platform empty os", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'platform':{'os':'','architecture':'amd64'}}", 1108 },
        { "bad artifactType", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'artifactType':'nope'}", 1108 },
        { "not an object", "[1]", 1108 },
        { "truncated json", "{'mediaType':'a/b'", 1106 },
        { "duplicate key", "{'mediaType':'a/b','mediaType':'c/d','digest':'" + DigestA + "','size':1}", 1106 },
        { "trailing comma", "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,}", 1106 },
        { "comment", "{/*x*/'mediaType':'a/b','digest':'" + DigestA + "','size':1}", 1106 },
        { "empty input", "", 1106 },
        { "lone surrogate escape", "{'mediaType':'a/b\\ud800','digest':'" + DigestA + "','size':1}", 1106 },
    };

    [Theory]
    [MemberData(nameof(InvalidDescriptors))]
    public void InvalidDescriptorsAreRejectedWithTheirCode(string name, string json, int code)
    {
        var ex = Assert.Throws<KilnException>(() => Descriptor.Parse(Json(json)));
        Assert.True(code == ex.Code.Number, $"{name}: got {ex.Code} {ex.Message}");
    }

    [Fact]
    public void AllFieldsAreReadAndWrittenInOciOrder()
    {
        var json = "{'artifactType':'application/x.t','platform':{'variant':'v7','os':'linux','architecture':'arm','os.features':['f'],'os.version':'1'},"
            + "'annotations':{'z':'1','a':'2'},'urls':['https://example.com/x'],'size':12,'digest':'" + DigestA + "','mediaType':'application/vnd.oci.image.layer.v1.tar+gzip'}";
        var descriptor = Descriptor.Parse(Json(json));

        Assert.Equal(MediaType.OciLayerGzip, descriptor.MediaType);
        Assert.Equal(Digest.Parse(DigestA), descriptor.Digest);
        Assert.Equal(12, descriptor.Size);
        Assert.Equal(["https://example.com/x"], descriptor.Urls.ToArray());
        Assert.Equal(new Platform("linux", "arm", "v7") { OSVersion = "1", OSFeatures = ["f"] }, descriptor.Platform);
        Assert.Equal("application/x.t", descriptor.ArtifactType);
        var expected = "{'mediaType':'application/vnd.oci.image.layer.v1.tar+gzip','digest':'" + DigestA + "','size':12,'urls':['https://example.com/x'],"
            + "'annotations':{'a':'2','z':'1'},'platform':{'architecture':'arm','os':'linux','os.version':'1','os.features':['f'],'variant':'v7'},'artifactType':'application/x.t'}";
        Assert.Equal(Json(expected), descriptor.ToBytes());
    }

    [Fact]
    public void NullFieldsReadAsAbsentAndUnknownFieldsAreIgnored()
    {
        var json = "{'mediaType':'a/b','digest':'" + DigestA + "','size':0,'urls':null,'annotations':null,'platform':null,'data':'AA==','x-extra':{'deep':[1]}}";
        var descriptor = Descriptor.Parse(Json(json));

        Assert.Empty(descriptor.Urls);
        Assert.Empty(descriptor.Annotations);
        Assert.Null(descriptor.Platform);
        Assert.Equal(Json("{'mediaType':'a/b','digest':'" + DigestA + "','size':0}"), descriptor.ToBytes());
    }

    [Fact]
    public void ErrorsNameTheFieldPath()
    {
        var json = "{'schemaVersion':2,'manifests':[{'mediaType':'a/b','digest':'" + DigestA + "','size':1},{'mediaType':'a/b','digest':'" + DigestA + "','size':-5}]}";
        var ex = Assert.Throws<KilnException>(() => ImageIndex.Parse(Json(json)));
        var named = Assert.Throws<KilnException>(() => ImageIndex.Parse(Json(json), "reg/app:1"));

        Assert.Equal(ErrorCodes.InvalidIndex, ex.Code);
        Assert.StartsWith("manifests[1].size:", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("reg/app:1: manifests[1].size:", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForBytesDescribesExactlyTheBytes()
    {
        var bytes = Utf8("{}");
        var descriptor = Descriptor.ForBytes(MediaType.OciEmpty, bytes);

        Assert.Equal("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", descriptor.Digest.ToString());
        Assert.Equal(2, descriptor.Size);
    }

    [Fact]
    public void EqualityComparesCollectionsByValue()
    {
        var a = Descriptor.Parse(Json("{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'annotations':{'k':'v'},'urls':['http://x/']}"));
        var b = Descriptor.Parse(Json("{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'annotations':{'k':'v'},'urls':['http://x/']}"));
        var c = a with { Annotations = a.Annotations.SetItem("k", "w") };

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}

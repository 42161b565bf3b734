using Kiln.Diagnostics;
using Kiln.Export.Assembly;
using Kiln.Export.Outputs;
using Kiln.Oci;

namespace Kiln.Tests.Export.Outputs;

public sealed class OutputSpecParserTests
{
    public static TheoryData<string, string, string, string?> Shorthands => new()
    {
        { "bare directory", "out/dir", "Local", "out/dir" },
        { "dash is a tar to stdout", "-", "Tar", "-" },
        { "oci tar", "type=oci,dest=out.tar", "Oci", "out.tar" },
        { "docker tar", "type=docker,dest=img.tar", "Docker", "img.tar" },
        { "tar", "type=tar,dest=fs.tar", "Tar", "fs.tar" },
        { "local", "type=local,dest=d", "Local", "d" },
        { "cacheonly", "type=cacheonly", "CacheOnly", null },
        { "image", "type=image,name=example.com/a", "Image", null },
        { "keys are case-insensitive", "type=oci,DEST=x.tar", "Oci", "x.tar" },
        { "quoted csv field", "type=local,\"dest=a,b\"", "Local", "a,b" },
    };

    public static TheoryData<string, string, int> Errors => new()
    {
        { "unknown type", "type=floppy,dest=x", ErrorCodes.ExportOutputUnknownType.Number },
        { "no type", "dest=x,tar=true", ErrorCodes.ExportOutputInvalid.Number },
        { "field without equals", "type=oci,dest=x,tar", ErrorCodes.ExportOutputInvalid.Number },
        { "unknown key", "type=oci,dest=x,compresion=zstd", ErrorCodes.ExportOutputUnknownOption.Number },
        { "key of another type", "type=local,dest=x,push=true", ErrorCodes.ExportOutputUnknownOption.Number },
        { "annotation on a filesystem output", "type=tar,dest=x,annotation.a=b", ErrorCodes.ExportOutputUnknownOption.Number },
        { "non-bool", "type=image,name=a,push=yes", ErrorCodes.ExportOutputInvalidValue.Number },
        { "unknown compression", "type=oci,dest=x,compression=lz4", ErrorCodes.ExportOutputInvalidValue.Number },
        { "non-integer level", "type=oci,dest=x,compression-level=high", ErrorCodes.ExportOutputInvalidValue.Number },
        { "gzip level out of range", "type=oci,dest=x,compression-level=12", ErrorCodes.ExportOutputInvalidValue.Number },
        { "bad epoch", "type=oci,dest=x,source-date-epoch=-5", ErrorCodes.ExportOutputInvalidValue.Number },
        { "oci needs dest", "type=oci", ErrorCodes.ExportDestinationRequired.Number },
        { "local needs dest", "type=local", ErrorCodes.ExportDestinationRequired.Number },
        { "local to stdout", "type=local,dest=-", ErrorCodes.ExportDestinationRequired.Number },
        { "layout directory to stdout", "type=oci,dest=-,tar=false", ErrorCodes.ExportDestinationRequired.Number },
        { "bad annotation type", "type=oci,dest=x,annotation-layer.a=b", ErrorCodes.ExportAnnotationInvalid.Number },
        { "bad annotation platform", "type=oci,dest=x,annotation-manifest[not/a/plat/form].a=b", ErrorCodes.ExportAnnotationInvalid.Number },
        { "broken csv", "type=oci,\"dest=x", ErrorCodes.ExportOutputInvalid.Number },
    };

    [Theory]
    [MemberData(nameof(Shorthands))]
    public void ParsesTypeAndDestination(string name, string value, string type, string? destination)
    {
        var spec = OutputSpecParser.Parse(value);

        Assert.True(spec.Type.ToString() == type, name);
        Assert.Equal(destination, spec.Destination);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void InvalidValuesFailWithTheirCode(string name, string value, int code)
    {
        var result = OutputSpecParser.Parse([value]);

        Assert.True(result.HasErrors, name);
        Assert.Empty(result.Outputs);
        Assert.Contains(result.Diagnostics, d => d.Code.Number == code);
    }

    [Fact]
    public void EveryErrorOfEveryValueIsReported()
    {
        var result = OutputSpecParser.Parse(["type=oci,dest=x,compression=lz4,push=true", "type=local", "type=tar,dest=ok.tar"]);

        Assert.Equal([ErrorCodes.ExportOutputInvalidValue, ErrorCodes.ExportOutputUnknownOption, ErrorCodes.ExportDestinationRequired], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(OutputType.Tar, Assert.Single(result.Outputs).Type);
    }

    [Fact]
    public void UnknownKeySuggestsTheClosestOne()
    {
        var result = OutputSpecParser.Parse(["type=image,name=a,psh=true"]);

        var error = Assert.Single(result.Diagnostics);
        Assert.Contains("push", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistryIsAnImagePushedUnlessPushIsGiven()
    {
        Assert.True(OutputSpecParser.Parse("type=registry,name=r/a").Push);
        Assert.False(OutputSpecParser.Parse("type=registry,name=r/a,push=false").Push);
        Assert.False(OutputSpecParser.Parse("type=image,name=r/a").Push);
    }

    [Fact]
    public void ImageOptionsAreTyped()
    {
        var spec = OutputSpecParser.Parse(
            "type=image,name=a/b:1,name=c/d,push=true,push-by-digest=true,name-canonical=true,store=false,unpack=false,"
            + "compression=zstd,compression-level=19,force-compression=true,oci-mediatypes=true,rewrite-timestamp=true,dangling-name-prefix=dangling");

        Assert.Equal(["a/b:1", "c/d"], spec.Names.ToArray());
        Assert.True(spec.Push && spec.PushByDigest && spec.NameCanonical && spec.RewriteTimestamp);
        Assert.False(spec.Store || spec.Unpack);
        Assert.Equal(LayerCompression.Zstd, spec.Layers.Compression);
        Assert.Equal(19, spec.Layers.Level);
        Assert.True(spec.Layers.ForceCompression && spec.Layers.OciMediaTypes);
        Assert.Equal("dangling", spec.DanglingNamePrefix);
        Assert.Equal("true", spec.Attributes["push-by-digest"]);
    }

    [Fact]
    public void NameSplitsOnCommasInsideAQuotedField()
    {
        var spec = OutputSpecParser.Parse("type=image,\"name=a/b:1,c/d:2\"");

        Assert.Equal(["a/b:1", "c/d:2"], spec.Names.ToArray());
    }

    [Theory]
    [InlineData("type=oci,dest=x", true)]
    [InlineData("type=docker,dest=x", false)]
    [InlineData("type=image,name=a", false)]
    [InlineData("type=oci,dest=x,oci-mediatypes=false", false)]
    [InlineData("type=docker,dest=x,oci-mediatypes=true", true)]
    public void OciMediaTypesDefaultPerExporter(string value, bool oci) =>
        Assert.Equal(oci, OutputSpecParser.Parse(value).Layers.OciMediaTypes);

    [Theory]
    [InlineData("type=oci,dest=x,tar=false", false)]
    [InlineData("type=oci,dest=x,tar=true", true)]
    [InlineData("type=oci,dest=x,tar=", true)]
    [InlineData("type=oci,dest=x", true)]
    public void TarOption(string value, bool tar) => Assert.Equal(tar, OutputSpecParser.Parse(value).Tar);

    [Fact]
    public void AnnotationsParseWithTargetAndPlatform()
    {
        var spec = OutputSpecParser.Parse(
            "type=oci,dest=x,annotation.a=1,annotation-index.b=2,annotation-manifest[linux/arm64].c=3,annotation-manifest-descriptor.d=4,annotation-index-descriptor.e=5");

        Assert.Equal(
            [
                new ImageAnnotation(AnnotationTarget.Manifest, null, "a", "1"),
                new ImageAnnotation(AnnotationTarget.Index, null, "b", "2"),
                new ImageAnnotation(AnnotationTarget.Manifest, new Platform("linux", "arm64"), "c", "3"),
                new ImageAnnotation(AnnotationTarget.ManifestDescriptor, null, "d", "4"),
                new ImageAnnotation(AnnotationTarget.IndexDescriptor, null, "e", "5"),
            ],
            spec.Annotations.ToArray());
    }

    [Fact]
    public void DockerWithoutDestinationLoads()
    {
        Assert.True(OutputSpecParser.Parse("type=docker").LoadsIntoDocker);
        Assert.False(OutputSpecParser.Parse("type=docker,dest=a.tar").LoadsIntoDocker);
    }

    [Fact]
    public void RewriteTimestampClampsLayersToTheOutputsEpochFirst()
    {
        var spec = OutputSpecParser.Parse("type=oci,dest=x,rewrite-timestamp=true,source-date-epoch=100");

        var options = spec.ImageOptions(buildEpoch: 200, []);

        Assert.Equal(100, options.SourceDateEpoch);
        Assert.Equal(100, options.Layers.ClampMtime);
        Assert.Null(OutputSpecParser.Parse("type=oci,dest=x").ImageOptions(200, []).Layers.ClampMtime);
    }
}

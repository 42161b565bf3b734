using Kiln.Export.Assembly;
using Kiln.Oci;

namespace Kiln.Tests.Export.Assembly;

public sealed class ImageAnnotationTests
{
    [Fact]
    public void FlagWithoutTypeAnnotatesTheManifest()
    {
        Assert.True(ImageAnnotation.TryParseFlag("org.opencontainers.image.title=app=1", out var found, out _));

        Assert.Equal([new ImageAnnotation(AnnotationTarget.Manifest, null, "org.opencontainers.image.title", "app=1")], found);
    }

    [Fact]
    public void FlagWithTypeListAndPlatformGivesOneAnnotationPerType()
    {
        Assert.True(ImageAnnotation.TryParseFlag("index,manifest-descriptor[linux/arm/v7]:k=v", out var found, out _));

        var arm = new Platform("linux", "arm", "v7").Normalize();
        Assert.Equal(
            [new ImageAnnotation(AnnotationTarget.Index, arm, "k", "v"), new ImageAnnotation(AnnotationTarget.ManifestDescriptor, arm, "k", "v")],
            found);
    }

    [Theory]
    [InlineData("no-equals")]
    [InlineData("layer:k=v")]
    [InlineData("manifest:=v")]
    [InlineData("manifest[bogus/x/y/z]:k=v")]
    public void InvalidFlagsFail(string text) => Assert.False(ImageAnnotation.TryParseFlag(text, out _, out _));

    [Fact]
    public void PlatformLimitedAnnotationAppliesOnlyToItsPlatform()
    {
        var annotation = new ImageAnnotation(AnnotationTarget.Manifest, new Platform("linux", "arm64"), "k", "v");

        Assert.True(annotation.AppliesTo(new Platform("linux", "arm64", "v8")));
        Assert.False(annotation.AppliesTo(new Platform("linux", "amd64")));
        Assert.False(annotation.AppliesTo(null));
        Assert.True((annotation with { Platform = null }).AppliesTo(null));
    }

    [Theory]
    [InlineData("dest")]
    [InlineData("annotationx.k")]
    [InlineData("annotations")]
    public void OtherKeysAreNoAnnotationOptions(string key) => Assert.False(ImageAnnotation.TryParseOption(key, "v", out _, out _));
}

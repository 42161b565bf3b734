using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class PlatformTests
{
    /// <summary>input | what Parse gives (Format) | what Normalize then gives.</summary>
    public static TheoryData<string, string, string> Parsed => new()
    {
        { "linux/amd64", "linux/amd64", "linux/amd64" },
        { "linux/x86_64", "linux/amd64", "linux/amd64" },
        { "linux/x86-64", "linux/amd64", "linux/amd64" },
        { "Linux/AMD64", "linux/amd64", "linux/amd64" },
        { "linux/amd64/v1", "linux/amd64", "linux/amd64" },
        { "linux/amd64/v3", "linux/amd64/v3", "linux/amd64/v3" },
        { "linux/aarch64", "linux/arm64", "linux/arm64" },
        { "linux/arm64", "linux/arm64", "linux/arm64" },
        { "linux/arm64/v8", "linux/arm64/v8", "linux/arm64" },
        { "linux/arm64/8", "linux/arm64/v8", "linux/arm64" },
        { "linux/aarch64/v8.0", "linux/arm64/v8", "linux/arm64" },
        { "linux/arm64/v9.0", "linux/arm64/v9", "linux/arm64/v9" },
        { "linux/arm64/v8.2", "linux/arm64/v8.2", "linux/arm64/v8.2" },
        { "linux/armhf", "linux/arm", "linux/arm/v7" },
        { "linux/armel", "linux/arm/v6", "linux/arm/v6" },
        { "linux/arm", "linux/arm", "linux/arm/v7" },
        { "linux/arm/v7", "linux/arm/v7", "linux/arm/v7" },
        { "linux/arm/7", "linux/arm/v7", "linux/arm/v7" },
        { "linux/arm/v6", "linux/arm/v6", "linux/arm/v6" },
        { "linux/arm/5", "linux/arm/v5", "linux/arm/v5" },
        { "linux/arm/V8", "linux/arm/v8", "linux/arm/v8" },
        { "linux/i386", "linux/386", "linux/386" },
        { "linux/386", "linux/386", "linux/386" },
        { "linux/s390x", "linux/s390x", "linux/s390x" },
        { "linux/ppc64le", "linux/ppc64le", "linux/ppc64le" },
        { "linux/riscv64", "linux/riscv64", "linux/riscv64" },
        { "darwin/arm64", "darwin/arm64", "darwin/arm64" },
        { "macos/arm64", "darwin/arm64", "darwin/arm64" },
        { "windows/amd64", "windows/amd64", "windows/amd64" },
        { "freebsd/some_new.arch", "freebsd/some_new.arch", "freebsd/some_new.arch" },
        { "windows(10.0.17763)/amd64", "windows/amd64", "windows/amd64" },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "lone os", "linux" },
        { "lone arch", "amd64" },
        { "empty", "" },
        { "leading slash", "/amd64" },
        { "trailing slash", "linux/amd64/" },
        { "empty arch and variant", "linux//" },
        { "empty arch", "linux//v7" },
        { "four parts", "linux/arm/v7/x" },
        { "wildcard", "linux/*" },
        { "space", "linux/amd 64" },
        { "newline", "linux/amd64\n" },
        { "dot in os", "lin.ux/amd64" },
        { "unbalanced os version", "windows(10/amd64" },
        { "traversal", "../../etc/passwd" },
        { "unicode", "linux/amd64ä" },
    };

    [Theory]
    [MemberData(nameof(Parsed))]
    public void ParsesAndNormalizesLikeContainerd(string input, string parsed, string normalized)
    {
        var platform = Platform.Parse(input);

        Assert.Equal(parsed, platform.ToString());
        Assert.Equal(normalized, platform.Normalize().ToString());
        Assert.Equal(platform.Normalize(), platform.Normalize().Normalize());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RejectsBadPlatforms(string name, string input)
    {
        Assert.False(Platform.TryParse(input, out _), name);
        Assert.Equal(ErrorCodes.InvalidPlatform, Assert.Throws<KilnException>(() => Platform.Parse(input)).Code);
    }

    [Theory]
    [InlineData("linux", "linux/arm64")]
    [InlineData("windows", "windows/arm64")]
    [InlineData("arm64", "linux/arm64")]
    [InlineData("aarch64", "linux/arm64")]
    [InlineData("armhf", "linux/arm")]
    [InlineData("armel", "linux/arm/v6")]
    [InlineData("x86_64", "linux/amd64")]
    [InlineData("linux/s390x", "linux/s390x")]
    [InlineData("local", "linux/arm64")]
    public void SpecifierFillsTheMissingHalfFromTheHost(string input, string expected) =>
        Assert.Equal(expected, Platform.ParseSpecifier(input, new Platform("linux", "arm64")).ToString());

    [Fact]
    public void SpecifierKeepsAnArmHostVariantOtherThanV7()
    {
        Assert.Equal("linux/arm/v6", Platform.ParseSpecifier("linux", new Platform("linux", "arm", "v6")).ToString());
        Assert.Equal("linux/arm", Platform.ParseSpecifier("linux", new Platform("linux", "arm", "v7")).ToString());
    }

    [Theory]
    [InlineData("notanos")]
    [InlineData("linux(1)x")]
    [InlineData("")]
    [InlineData("/")]
    public void SpecifierRejectsUnknownNames(string input) =>
        Assert.Equal(ErrorCodes.InvalidPlatform, Assert.Throws<KilnException>(() => Platform.ParseSpecifier(input, new Platform("linux", "amd64"))).Code);

    [Fact]
    public void OSVersionIsParsedAndFormatted()
    {
        var platform = Platform.Parse("windows(10.0.17763.1)/amd64");

        Assert.Equal("10.0.17763.1", platform.OSVersion);
        Assert.Equal("windows(10.0.17763.1)/amd64", platform.FormatAll());
        Assert.Equal("linux/arm/v7", Platform.Parse("linux/arm/v7").FormatAll());
    }

    [Fact]
    public void CurrentIsANormalizedLinuxPlatform()
    {
        var current = Platform.Current;

        Assert.Equal("linux", current.OS);
        Assert.Equal(current.Normalize(), current);
        Assert.True(PlatformNames.IsKnownArchitecture(current.Architecture));
    }

    [Fact]
    public void JsonRoundTripsAllFields()
    {
        var json = "{'mediaType':'a/b','digest':'" + DigestA + "','size':1,'platform':{'architecture':'arm64','os':'linux','os.version':'5.1','os.features':['a','b'],'variant':'v8'}}";
        var platform = Descriptor.Parse(Json(json)).Platform!;

        Assert.Equal(new Platform("linux", "arm64", "v8") { OSVersion = "5.1", OSFeatures = ["a", "b"] }, platform);
        Assert.Equal(Json("{'architecture':'arm64','os':'linux','os.version':'5.1','os.features':['a','b'],'variant':'v8'}"), CanonicalJson.Serialize(platform));
    }

    [Fact]
    public void EmptyVariantIsNoVariant()
    {
        Assert.Null(new Platform("linux", "amd64", "").Variant);
        Assert.Equal(new Platform("linux", "amd64"), new Platform("linux", "amd64", ""));
        Assert.NotEqual(new Platform("linux", "amd64") { OSFeatures = ["x"] }, new Platform("linux", "amd64"));
    }
}

using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class PlatformMatcherTests
{
    /// <summary>wanted platform | the accepted platforms, most preferred first.</summary>
    public static TheoryData<string, string> Vectors => new()
    {
        { "linux/amd64", "linux/amd64 linux/386" },
        { "linux/x86_64/v1", "linux/amd64 linux/386" },
        { "linux/amd64/v3", "linux/amd64/v3 linux/amd64/v2 linux/amd64 linux/386" },
        { "linux/amd64/v4", "linux/amd64/v4 linux/amd64/v3 linux/amd64/v2 linux/amd64 linux/386" },
        { "linux/386", "linux/386" },
        { "linux/arm", "linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/arm/v7", "linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/armel", "linux/arm/v6 linux/arm/v5" },
        { "linux/arm/v5", "linux/arm/v5" },
        { "linux/arm64", "linux/arm64 linux/arm/v8 linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/arm64/v8", "linux/arm64 linux/arm/v8 linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/arm64/v8.2", "linux/arm64/v8.2 linux/arm64/v8.1 linux/arm64 linux/arm/v8 linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/arm64/v9.1", "linux/arm64/v9.1 linux/arm64/v9 linux/arm64/v8.6 linux/arm64/v8.5 linux/arm64/v8.4 linux/arm64/v8.3 linux/arm64/v8.2 linux/arm64/v8.1 linux/arm64 linux/arm/v8 linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/s390x", "linux/s390x" },
        { "windows/amd64", "windows/amd64 windows/386" },
        { "linux/arm/v999999999", "linux/arm/v999999999 linux/arm/v16 linux/arm/v15 linux/arm/v14 linux/arm/v13 linux/arm/v12 linux/arm/v11 linux/arm/v10 linux/arm/v9 linux/arm/v8 linux/arm/v7 linux/arm/v6 linux/arm/v5" },
        { "linux/arm/vx", "linux/arm/vx" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void AcceptsFallbacksInContainerdOrder(string wanted, string expected)
    {
        var matcher = PlatformMatcher.Only(Platform.Parse(wanted));

        Assert.Equal(expected, string.Join(' ', matcher.Candidates.Select(c => c.ToString())));
    }

    [Theory]
    [InlineData("linux/arm/v7", "linux/arm/v7", 0)]
    [InlineData("linux/arm/v7", "linux/armhf", 0)]
    [InlineData("linux/arm/v7", "linux/arm", 0)]
    [InlineData("linux/arm/v7", "linux/arm/v6", 1)]
    [InlineData("linux/arm/v7", "linux/arm/v5", 2)]
    [InlineData("linux/arm/v7", "linux/arm/v8", -1)]
    [InlineData("linux/arm/v6", "linux/arm/v7", -1)]
    [InlineData("linux/arm64", "linux/arm64/v8", 0)]
    [InlineData("linux/arm64", "linux/aarch64", 0)]
    [InlineData("linux/amd64", "linux/amd64/v2", -1)]
    [InlineData("linux/amd64/v2", "linux/amd64/v1", 1)]
    [InlineData("linux/amd64", "LINUX/X86_64", 0)]
    [InlineData("linux/amd64", "windows/amd64", -1)]
    public void RanksImagePlatforms(string wanted, string image, int rank) =>
        Assert.Equal(rank, PlatformMatcher.Only(Platform.Parse(wanted)).Rank(Platform.Parse(image)));

    [Fact]
    public void StrictMatcherHasNoFallback()
    {
        var strict = PlatformMatcher.Strict(Platform.Parse("linux/arm/v7"));

        Assert.True(strict.Matches(Platform.Parse("linux/armhf")));
        Assert.False(strict.Matches(Platform.Parse("linux/arm/v6")));
    }

    [Fact]
    public void SelectsTheBestManifestAndTheFirstOnATie()
    {
        var index = Index(("linux/arm/v5", DigestA), ("linux/arm/v6", DigestB), ("linux/arm/v6", DigestC), ("unknown/unknown", DigestA));

        var chosen = PlatformMatcher.Only(Platform.Parse("linux/arm/v7")).Select(index);

        Assert.Equal(Digest.Parse(DigestB), chosen.Digest);
    }

    [Fact]
    public void NoMatchListsTheAvailablePlatforms()
    {
        var index = Index(("linux/amd64", DigestA), ("linux/arm64", DigestB));

        var ex = Assert.Throws<KilnException>(() => PlatformMatcher.Only(Platform.Parse("linux/s390x")).Select(index, "reg/app:1"));

        Assert.Equal(ErrorCodes.NoMatchingPlatform, ex.Code);
        Assert.Contains("linux/amd64, linux/arm64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DescriptorsWithoutPlatformNeverMatch()
    {
        var index = new ImageIndex(MediaType.OciIndex, [new Descriptor(MediaType.OciManifest, Digest.Parse(DigestA), 1)]);

        Assert.Null(PlatformMatcher.Only(Platform.Parse("linux/amd64")).SelectBest(index.Manifests));
    }

    private static ImageIndex Index(params (string Platform, string Digest)[] entries) =>
        new(MediaType.OciIndex, [.. entries.Select(e => new Descriptor(MediaType.OciManifest, Digest.Parse(e.Digest), 100)
        {
            Platform = e.Platform.StartsWith("unknown", StringComparison.Ordinal) ? new Platform("unknown", "unknown") : Platform.Parse(e.Platform),
        })]);
}

using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Oci;

public class DigestSmokeTests
{
    [Fact]
    public void Sha256OfEmptyIsTheWellKnownValue() =>
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digest.Sha256([]).ToString());

    [Fact]
    public void PathTraversalIsRejected()
    {
        var ex = Assert.Throws<KilnException>(() => Digest.Parse("sha256:../../x"));
        Assert.Equal(ErrorCodes.InvalidDigest, ex.Code);
    }

    [Theory]
    [InlineData("busybox", "docker.io/library/busybox")]
    [InlineData("127.0.0.1:5000/app:1.0", "127.0.0.1:5000/app:1.0")]
    [InlineData("localhost/a/b", "localhost/a/b")]
    public void ReferencesNormalize(string input, string expected) => Assert.Equal(expected, Reference.Parse(input).ToString());
}

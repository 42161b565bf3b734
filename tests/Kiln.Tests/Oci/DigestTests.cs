using Kiln.Diagnostics;
using Kiln.Oci;
using static Kiln.Tests.Oci.OciTestData;

namespace Kiln.Tests.Oci;

public class DigestTests
{
    private const string EmptySha256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string EmptySha512 = "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";

    public static TheoryData<string, string?> Invalid => new()
    {
        { "null", null },
        { "empty", "" },
        { "no colon", "sha256" },
        { "empty algorithm", ":" + new string('a', 64) },
        { "empty hex", "sha256:" },
        { "path traversal", "sha256:../../x" },
        { "traversal padded to length", "sha256:../../" + new string('a', 58) },
        { "uppercase hex", "sha256:" + new string('A', 64) },
        { "uppercase algorithm", "SHA256:" + new string('a', 64) },
        { "short", "sha256:" + new string('a', 63) },
        { "long", "sha256:" + new string('a', 65) },
        { "sha512 with sha256 length", "sha512:" + new string('a', 64) },
        { "non hex", "sha256:" + new string('g', 64) },
        { "md5", "md5:d41d8cd98f00b204e9800998ecf8427e" },
        { "sha384", "sha384:" + new string('a', 96) },
        { "trailing newline", "sha256:" + new string('a', 64) + "\n" },
        { "leading space", " sha256:" + new string('a', 64) },
        { "two colons", "sha256:" + new string('a', 32) + ":" + new string('a', 31) },
        { "null byte", "sha256:" + new string('a', 63) + "\0" },
        { "unicode digit", "sha256:" + new string('a', 63) + "٣" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidDigestsAreRejected(string name, string? value)
    {
        Assert.False(Digest.TryParse(value, out _), name);
        Assert.Equal(ErrorCodes.InvalidDigest, Assert.Throws<KilnException>(() => Digest.Parse(value!)).Code);
    }

    [Theory]
    [InlineData(EmptySha256)]
    [InlineData(EmptySha512)]
    public void ValidDigestsRoundTrip(string value)
    {
        var digest = Digest.Parse(value);

        Assert.Equal(value, digest.ToString());
        Assert.Equal(value[..6], digest.Algorithm);
        Assert.Equal(value[7..], digest.Hex);
        Assert.True(digest.Matches([]));
    }

    [Fact]
    public void ComputesSha256AndSha512()
    {
        Assert.Equal(EmptySha256, Digest.Sha256([]).ToString());
        Assert.Equal(EmptySha512, Digest.Compute("sha512", []).ToString());
        Assert.Equal(ErrorCodes.InvalidDigest, Assert.Throws<KilnException>(() => Digest.Compute("md5", [])).Code);
    }

    [Fact]
    public void VerifyChecksSizeThenDigest()
    {
        var digest = Digest.Sha256(Utf8("hello"));

        digest.Verify(Utf8("hello"), 5);
        Assert.Equal(ErrorCodes.SizeMismatch, Assert.Throws<KilnException>(() => digest.Verify(Utf8("hello"), 6)).Code);
        Assert.Equal(ErrorCodes.DigestMismatch, Assert.Throws<KilnException>(() => digest.Verify(Utf8("hellO"), 5, "blob")).Code);
        Assert.False(digest.Matches(Utf8("hellO")));
        Assert.False(default(Digest).Matches([]));
    }

    [Fact]
    public void OrderingIsOrdinalOnTheFullString()
    {
        var digests = new[] { Digest.Parse(DigestB), Digest.Parse(EmptySha512), Digest.Parse(DigestA) };

        Assert.Equal([DigestA, DigestB, EmptySha512], digests.Order().Select(d => d.ToString()));
    }

    [Fact]
    public void HasherYieldsDigestAndLengthOfEverythingAppended()
    {
        using var hasher = new DigestHasher();
        hasher.Append(Utf8("hel"));
        hasher.Append(Utf8("lo"));

        var descriptor = hasher.ToDescriptor("application/octet-stream");

        Assert.Equal(Digest.Sha256(Utf8("hello")), descriptor.Digest);
        Assert.Equal(5, descriptor.Size);
        Assert.Throws<InvalidOperationException>(() => hasher.Append(Utf8("!")));
    }

    [Fact]
    public async Task HashingWriteStreamHashesWhatItPassesOn()
    {
        var target = new MemoryStream();
        await using (var stream = new HashingWriteStream(target, leaveOpen: true, algorithm: "sha512"))
        {
            stream.Write(Utf8("hel"));
            await stream.WriteAsync(Utf8("lo"), CancellationToken.None);

            Assert.Equal(Digest.Compute("sha512", Utf8("hello")), stream.Finish());
            Assert.Equal(5, stream.Length);
        }

        Assert.Equal(Utf8("hello"), target.ToArray());
    }
}

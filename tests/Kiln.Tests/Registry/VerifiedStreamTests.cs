using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Tests.Registry;

public sealed class VerifiedStreamTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 10_000).Select(i => (byte)i)];

    [Fact]
    public async Task MatchingContentReadsThrough()
    {
        await using var stream = new VerifiedBlobStream(new MemoryStream(Content), Digest.Sha256(Content), Content.Length, "blob r/a@x");
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(Content, copy.ToArray());
    }

    public static TheoryData<string, byte[], long, string> Lies() => new()
    {
        { "truncated", Content[..5000], Content.Length, "RegistrySizeMismatch" },
        { "longer than said", [.. Content, 1], Content.Length, "RegistrySizeMismatch" },
        { "other bytes", [.. Content[..^1], 0xff], Content.Length, "RegistryDigestMismatch" },
        { "empty", [], Content.Length, "RegistrySizeMismatch" },
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task LiesAreCaughtNamingTheBlob(string name, byte[] served, long size, string code)
    {
        await using var stream = new VerifiedBlobStream(new MemoryStream(served), Digest.Sha256(Content), size, "blob r/a@sha256:abc");

        var ex = await Assert.ThrowsAsync<KilnException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(code, ex.Code.Name);
        Assert.Contains("r/a@sha256:abc", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Fact]
    public void Sha512DigestsAreVerifiedToo()
    {
        using var stream = new VerifiedBlobStream(new MemoryStream(Content), Digest.Compute(Digest.Sha512Algorithm, Content), Content.Length, "b");

        stream.CopyTo(Stream.Null);
    }

    [Theory]
    [InlineData(10, 9, "more")]
    [InlineData(10, 11, "ended")]
    public async Task UploadSourcesMustHoldExactlyTheDescriptorSize(int actual, int declared, string word)
    {
        await using var stream = new SizeCheckedStream(new MemoryStream(new byte[actual]), declared, "blob r/a@x");

        var ex = await Assert.ThrowsAsync<KilnException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(ErrorCodes.BlobUploadFailed, ex.Code);
        Assert.Contains(word, ex.Message, StringComparison.Ordinal);
    }
}

using Kiln.Diagnostics;
using Kiln.Oci;

namespace Kiln.Tests.Oci;

public class ReferenceTests
{
    private const string Sha = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>input | registry | repository | tag ("" for none) | digest ("" for none).</summary>
    public static TheoryData<string, string, string, string, string> Valid => new()
    {
        { "busybox", "docker.io", "library/busybox", "", "" },
        { "busybox:1.36", "docker.io", "library/busybox", "1.36", "" },
        { "library/busybox", "docker.io", "library/busybox", "", "" },
        { "docker.io/busybox", "docker.io", "library/busybox", "", "" },
        { "docker.io/library/busybox:latest", "docker.io", "library/busybox", "latest", "" },
        { "index.docker.io/busybox", "docker.io", "library/busybox", "", "" },
        { "index.docker.io/user/app:tag", "docker.io", "user/app", "tag", "" },
        { "user/app", "docker.io", "user/app", "", "" },
        { "my-registry/app", "docker.io", "my-registry/app", "", "" },
        { "a/b/c/d", "docker.io", "a/b/c/d", "", "" },
        { "localhost/app", "localhost", "app", "", "" },
        { "localhost:5000/app:1", "localhost:5000", "app", "1", "" },
        { "localhost", "docker.io", "library/localhost", "", "" },
        { "localhost:5000", "docker.io", "library/localhost", "5000", "" },
        { "127.0.0.1:5000/busybox", "127.0.0.1:5000", "busybox", "", "" },
        { "[::1]:5000/app:v1", "[::1]:5000", "app", "v1", "" },
        { "[2001:db8::1]/team/app", "[2001:db8::1]", "team/app", "", "" },
        { "registry.example.com/team/app@" + Sha, "registry.example.com", "team/app", "", Sha },
        { "reg.example.com:443/app:1.0@" + Sha, "reg.example.com:443", "app", "1.0", Sha },
        { "busybox@" + Sha, "docker.io", "library/busybox", "", Sha },
        { "Example.COM/app", "Example.COM", "app", "", "" },
        { "UPPER/app", "UPPER", "app", "", "" },
        { "app:V1.0_rc-1", "docker.io", "library/app", "V1.0_rc-1", "" },
        { "app:_x", "docker.io", "library/app", "_x", "" },
        { "a.b_c__d-e---f", "docker.io", "library/a.b_c__d-e---f", "", "" },
        { "r.io/app:" + new string('t', 128), "r.io", "app", new string('t', 128), "" },
        { "sub-1.reg-2.io/x", "sub-1.reg-2.io", "x", "", "" },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "empty", "" },
        { "uppercase repository", "Busybox" },
        { "uppercase path component", "docker.io/Library/busybox" },
        { "uppercase after registry", "localhost:5000/App" },
        { "empty tag", "busybox:" },
        { "tag starts with dash", "busybox:-x" },
        { "tag starts with dot", "busybox:.x" },
        { "tag too long", "busybox:" + new string('t', 129) },
        { "tag with space", "busybox:a b" },
        { "tag with slash-like colon", "busybox:a:b" },
        { "digest traversal", "busybox@sha256:../../x" },
        { "digest short", "busybox@sha256:abc" },
        { "digest uppercase", "busybox@sha256:" + new string('A', 64) },
        { "digest empty", "busybox@" },
        { "only digest", "@" + Sha },
        { "only tag", ":latest" },
        { "double slash", "a//b" },
        { "leading slash", "/a" },
        { "trailing slash", "a/" },
        { "component starts with dash", "-a/b" },
        { "component ends with separator", "a_/b" },
        { "three underscores", "a___b" },
        { "dot dot component", "reg.io/../x" },
        { "bad port", "localhost:abc/app" },
        { "unclosed ipv6", "[::1/app" },
        { "domain starts with dash", "-reg.com/app" },
        { "underscore in domain", "reg_x.com/app" },
        { "name too long", "reg.com/" + new string('a', 248) },
        { "image id", new string('a', 64) },
        { "trailing newline", "busybox\n" },
        { "tag trailing newline", "busybox:latest\n" },
        { "space in name", "busy box" },
        { "unicode", "ünïcode" },
        { "very long", new string('a', 4097) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ParsesWithDockerDefaults(string input, string registry, string repository, string tag, string digest)
    {
        var reference = Reference.Parse(input);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag ?? "");
        Assert.Equal(digest, reference.Digest?.ToString() ?? "");
        Assert.Equal(reference, Reference.Parse(reference.ToString()));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RejectsInvalidReferences(string name, string input)
    {
        Assert.False(Reference.TryParse(input, out _, out var error), name);
        Assert.NotEmpty(error);
        Assert.Equal(ErrorCodes.InvalidReference, Assert.Throws<KilnException>(() => Reference.Parse(input)).Code);
    }

    [Fact]
    public void NameLengthLimitCountsTheNormalizedName()
    {
        Assert.True(Reference.TryParse("reg.com/" + new string('a', 247), out _, out _));
        Assert.False(Reference.TryParse(new string('a', 240), out _, out _));
    }

    [Theory]
    [InlineData("busybox", "busybox")]
    [InlineData("docker.io/library/busybox:1", "busybox:1")]
    [InlineData("docker.io/user/app:1", "user/app:1")]
    [InlineData("docker.io/library/a/b", "library/a/b")]
    [InlineData("localhost:5000/a@" + Sha, "localhost:5000/a@" + Sha)]
    public void FamiliarFormIsShort(string input, string expected) => Assert.Equal(expected, Reference.Parse(input).ToFamiliarString());

    [Fact]
    public void IdentifierPrefersDigestThenTagThenLatest()
    {
        Assert.Equal(Sha, Reference.Parse("a:1@" + Sha).Identifier);
        Assert.Equal("1", Reference.Parse("a:1").Identifier);
        Assert.Equal("latest", Reference.Parse("a").Identifier);
    }

    [Fact]
    public void ApiHostOfDockerHubIsRegistry1()
    {
        Assert.Equal("registry-1.docker.io", Reference.Parse("busybox").ApiHost);
        Assert.Equal("127.0.0.1:5000", Reference.Parse("127.0.0.1:5000/a").ApiHost);
    }

    [Fact]
    public void WithersBuildNewReferences()
    {
        var reference = Reference.Parse("reg.io/app:1@" + Sha);

        Assert.Equal("reg.io/app:2", reference.WithTag("2").ToString());
        Assert.Equal("reg.io/app", reference.WithoutTagOrDigest().ToString());
        Assert.Equal("reg.io/app:latest", Reference.Parse("reg.io/app").WithDefaultTag().ToString());
        Assert.Equal(reference, reference.WithDefaultTag());
        Assert.Equal("reg.io/app@" + Sha, Reference.Parse("reg.io/app").WithDigest(Digest.Parse(Sha)).ToString());
        Assert.Equal(ErrorCodes.InvalidReference, Assert.Throws<KilnException>(() => reference.WithTag("-bad")).Code);
    }
}

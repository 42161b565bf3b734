using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.Tests.Registry;

/// <summary>The small protocol pieces: scheme choice, URLs, Link pagination, Retry-After, tag pages, error bodies.</summary>
public sealed class RegistryProtocolTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("127.5.6.7", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("10.0.0.1:5000", false)]
    [InlineData("docker.io", false)]
    [InlineData("localhost.evil.com", false)]
    [InlineData("127.0.0.1.nip.io", false)]
    [InlineData("insecure.example", true)]
    [InlineData("insecure-port.example:8080", true)]
    [InlineData("insecure-port.example:9090", false)]
    public void PlainHttpOnlyForLoopbackAndConfiguredHosts(string registry, bool plain)
    {
        var endpoints = new RegistryEndpoints(new RegistryOptions
        {
            InsecureRegistries = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "insecure.example", "insecure-port.example:8080"),
        });

        Assert.Equal(plain, endpoints.UsesPlainHttp(registry));
    }

    [Fact]
    public void UrlsFollowTheDistributionApi()
    {
        var endpoints = new RegistryEndpoints(new RegistryOptions());
        var repo = Reference.Parse("127.0.0.1:5000/a/b");
        var hub = Reference.Parse("busybox");
        var digest = Digest.Sha256("x"u8);

        Assert.Equal($"http://127.0.0.1:5000/v2/a/b/manifests/{digest}", endpoints.Manifest(repo, digest.ToString()).AbsoluteUri);
        Assert.Equal("https://registry-1.docker.io/v2/library/busybox/tags/list?n=50", endpoints.Tags(hub, 50).AbsoluteUri);
        Assert.Equal($"http://127.0.0.1:5000/v2/a/b/blobs/uploads/?mount=sha256%3A{digest.Hex}&from=c%2Fd", endpoints.Mount(repo, digest, Reference.Parse("127.0.0.1:5000/c/d")).AbsoluteUri);
        Assert.Equal($"http://127.0.0.1:5000/v2/a/b/referrers/{digest}?artifactType=application%2Fspdx%2Bjson", endpoints.Referrers(repo, digest, "application/spdx+json").AbsoluteUri);
    }

    [Theory]
    [InlineData("http://r/v2/a/blobs/uploads/u1", "http://r/v2/a/blobs/uploads/u1?digest=sha256%3Aab")]
    [InlineData("http://r/v2/a/blobs/uploads/u1?_state=xyz", "http://r/v2/a/blobs/uploads/u1?_state=xyz&digest=sha256%3Aab")]
    public void QueryParametersAreAppended(string location, string expected) =>
        Assert.Equal(expected, RegistryEndpoints.WithQuery(new Uri(location), "digest", "sha256:ab").AbsoluteUri);

    [Theory]
    [InlineData("</v2/a/tags/list?n=2&last=b>; rel=\"next\"", "/v2/a/tags/list?n=2&last=b")]
    [InlineData("<https://r/v2/a/tags/list?last=b>;rel=next", "https://r/v2/a/tags/list?last=b")]
    [InlineData("</prev>; rel=\"prev\", </next>; rel=\"next\"", "/next")]
    [InlineData("</x>; rel=\"prefetch next\"", "/x")]
    [InlineData("</x>; rel=\"prev\"", null)]
    [InlineData("</x>", null)]
    [InlineData("<unterminated; rel=next", null)]
    [InlineData("garbage", null)]
    public void LinkHeadersYieldTheNextPage(string header, string? next) =>
        Assert.Equal(next, LinkHeader.ParseNext(header));

    [Fact]
    public void RelativeNextLinksResolveAgainstTheRequest()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://r:5000/v2/a/tags/list?n=2") };
        response.Headers.TryAddWithoutValidation("Link", "</v2/a/tags/list?n=2&last=t1>; rel=\"next\"");

        Assert.Equal("http://r:5000/v2/a/tags/list?n=2&last=t1", LinkHeader.Next(response)?.AbsoluteUri);
    }

    [Fact]
    public void RetryAfterAsSecondsOrDateIsCapped()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var max = TimeSpan.FromSeconds(30);

        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicies.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), clock, max));
        Assert.Equal(max, RetryPolicies.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), clock, max));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryPolicies.RetryAfter(new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(12)), clock, max));
        Assert.Equal(TimeSpan.Zero, RetryPolicies.RetryAfter(new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(-5)), clock, max));
        Assert.Null(RetryPolicies.RetryAfter(null, clock, max));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void TransientStatuses(int status, bool transient) =>
        Assert.Equal(transient, RetryPolicies.IsTransient((HttpStatusCode)status));

    [Theory]
    [InlineData("""{"name":"a","tags":["1","2"]}""", "1,2")]
    [InlineData("""{"name":"a","tags":null}""", "")]
    [InlineData("""{"name":"a"}""", "")]
    public void TagPagesAreRead(string json, string expected) =>
        Assert.Equal(expected, string.Join(',', TagLister.ParsePage(Encoding.UTF8.GetBytes(json), Reference.Parse("r:5000/a"))));

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"tags":"1"}""")]
    [InlineData("""{"tags":[1]}""")]
    public void MalformedTagPagesNameTheRepository(string json)
    {
        var ex = Assert.Throws<KilnException>(() => TagLister.ParsePage(Encoding.UTF8.GetBytes(json), Reference.Parse("r:5000/a")).ToList());

        Assert.Equal(ErrorCodes.InvalidRegistryResponse, ex.Code);
        Assert.Contains("r:5000/a", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{}}]}""", "MANIFEST_UNKNOWN: manifest unknown")]
    [InlineData("""{"errors":[{"code":"A"},{"message":"b"}]}""", "A; b")]
    [InlineData("plain text\nbody", "plain text body")]
    [InlineData("", "")]
    public void RegistryErrorBodiesAreSummarized(string body, string expected) =>
        Assert.Equal(expected, RegistryErrors.Describe(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("sha256", 64, "sha256-")]
    [InlineData("sha512", 128, "sha512-")]
    public void FallbackTagsAreAlgorithmDashHexCutTo64(string algorithm, int hexLength, string prefix)
    {
        var digest = Digest.Compute(algorithm, "x"u8);
        var tag = ReferrersClient.FallbackTag(digest);

        Assert.StartsWith(prefix, tag, StringComparison.Ordinal);
        Assert.Equal(digest.Hex[..Math.Min(64, hexLength)], tag[prefix.Length..]);
        Assert.True(Reference.TryParse("r/a:" + tag, out _, out _));
    }

    [Fact]
    public void CredentialsNeverPrintTheirSecrets() =>
        Assert.DoesNotContain("hunter2", new Kiln.Registry.Credentials.RegistryCredential("u", "hunter2", "tok-hunter2").ToString(), StringComparison.Ordinal);
}

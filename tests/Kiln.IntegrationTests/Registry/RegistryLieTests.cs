using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>Registries that leave out or misstate headers, rewritten by <see cref="FaultProxy"/> in front of the real registry.</summary>
public sealed class RegistryLieTests : IDisposable
{
    private readonly FaultProxy proxy;
    private readonly RegistryClient client;
    private readonly Reference repo;

    public RegistryLieTests()
    {
        LocalRegistry.EnsureRunning();
        proxy = new FaultProxy(LocalRegistry.Address);
        client = LocalRegistry.Client();
        repo = LocalRegistry.NewRepository("lies", proxy.Address);
    }

    public void Dispose()
    {
        client.Dispose();
        proxy.Dispose();
    }

    [Fact]
    public async Task ResolveFallsBackToGetWhenHeadLacksTheDigest()
    {
        var (pushed, _) = await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        proxy.Inject("HEAD", "/manifests/v1", Fault.RewriteHeaders(("Docker-Content-Digest", "")));

        var resolved = await client.ResolveAsync(repo.WithTag("v1"), CancellationToken.None);

        Assert.Equal(pushed, resolved);
        Assert.Contains("GET /v2/" + repo.Repository + "/manifests/v1", proxy.Requests);
    }

    [Fact]
    public async Task AWrongDigestHeaderOnAManifestIsRejected()
    {
        await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        var lie = Digest.Sha256("lie"u8);
        proxy.Inject("GET", "/manifests/v1", Fault.RewriteHeaders(("Docker-Content-Digest", lie.ToString())));

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.GetManifestAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryDigestMismatch, ex.Code);
        Assert.Contains(repo.WithTag("v1").ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidDigestHeaderIsAnInvalidResponse()
    {
        await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        proxy.Inject("GET", "/manifests/v1", Fault.RewriteHeaders(("Docker-Content-Digest", "sha256:../../etc/passwd")));

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.GetManifestAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.InvalidRegistryResponse, ex.Code);
    }

    [Fact]
    public async Task AContentTypeThatContradictsTheBodyIsAClearError()
    {
        await TestImages.PushImageAsync(client, repo.WithTag("v1"));
        proxy.Inject("GET", "/manifests/v1", Fault.RewriteHeaders(("Content-Type", MediaType.DockerManifestList)));

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.GetManifestAsync(repo.WithTag("v1"), CancellationToken.None));

        Assert.Equal(ErrorCodes.DocumentKindMismatch, ex.Code);
        Assert.Contains(repo.WithTag("v1").ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.example.thing+json")]
    [InlineData(MediaType.OciLayerGzip)]
    public async Task PushingAnUnknownManifestMediaTypeIsRefusedBeforeSending(string mediaType)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"{mediaType}\"}}");

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.PushManifestAsync(repo.WithTag("odd"), mediaType, bytes, CancellationToken.None));

        Assert.Equal(ErrorCodes.UnknownMediaType, ex.Code);
        Assert.DoesNotContain(proxy.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReferrersApiIsReadAcrossPagesAndFiltered()
    {
        var subject = Digest.Sha256("subject"u8);
        var sbom = new Descriptor(MediaType.OciManifest, Digest.Sha256("sbom"u8), 10) { ArtifactType = "application/spdx+json" };
        var sig = new Descriptor(MediaType.OciManifest, Digest.Sha256("sig"u8), 11) { ArtifactType = "application/vnd.example.sig" };
        var page1 = new ImageIndex(MediaType.OciIndex, [sbom]).ToBytes();
        var page2 = new ImageIndex(MediaType.OciIndex, [sig]).ToBytes();
        var referrers = $"/v2/{repo.Repository}/referrers/{subject}";
        proxy.Inject("GET", "/referrers/", Fault.Answer(200, page1, ("Content-Type", MediaType.OciIndex), ("Link", $"<{referrers}?page=2>; rel=\"next\"")));
        proxy.Inject("GET", "/referrers/", Fault.Answer(200, page2, ("Content-Type", MediaType.OciIndex)));
        proxy.Inject("GET", "/referrers/", Fault.Answer(200, new ImageIndex(MediaType.OciIndex, [sbom, sig]).ToBytes(), ("Content-Type", MediaType.OciIndex)));

        var all = await client.ListReferrersAsync(repo, subject, null, CancellationToken.None);
        var signatures = await client.ListReferrersAsync(repo, subject, "application/vnd.example.sig", CancellationToken.None);

        Assert.Equal([sbom, sig], all.ToArray());
        Assert.Contains(proxy.Requests, r => r.EndsWith("?page=2", StringComparison.Ordinal));
        Assert.Equal([sig], signatures.ToArray());
        Assert.Equal(3, proxy.FaultsServed);
    }

    [Fact]
    public async Task ABlobContentLengthThatDisagreesWithTheDescriptorIsRejectedBeforeReading()
    {
        var (blob, bytes) = LocalRegistry.RandomBlob(4000);
        await client.PushBlobAsync(repo, blob, BlobSource.FromBytes(bytes), null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.OpenBlobAsync(repo, blob with { Size = 5000 }, CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistrySizeMismatch, ex.Code);
        Assert.Contains($"{repo.Name}@{blob.Digest}", ex.Message, StringComparison.Ordinal);
    }
}

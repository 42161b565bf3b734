using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Registry;

/// <summary>Manifest and index push, resolve and fetch, tag lists and referrers against the real registry.</summary>
public sealed class ManifestTests
{
    public ManifestTests() => LocalRegistry.EnsureRunning();

    [Theory]
    [InlineData(MediaType.OciManifest)]
    [InlineData(MediaType.DockerManifest)]
    public async Task PushedManifestResolvesAndFetchesAsTheSameBytes(string mediaType)
    {
        using var client = LocalRegistry.Client();
        var reference = LocalRegistry.NewRepository("manifest").WithTag("v1");
        var (pushed, bytes) = await TestImages.PushImageAsync(client, reference, mediaType);

        var resolved = await client.ResolveAsync(reference, CancellationToken.None);
        var byTag = await client.GetManifestAsync(reference, CancellationToken.None);
        var byDigest = await client.GetManifestAsync(reference.WithoutTagOrDigest().WithDigest(pushed.Digest), CancellationToken.None);

        Assert.Equal(new Descriptor(mediaType, Digest.Sha256(bytes), bytes.Length), resolved);
        Assert.Equal(pushed, resolved);
        Assert.Equal(bytes, byTag.Bytes.ToArray());
        Assert.Equal(bytes, byDigest.Bytes.ToArray());
        Assert.Equal(mediaType, byDigest.MediaType);
        Assert.Equal(OciDocumentKind.Manifest, byTag.Parse().Kind);
    }

    [Fact]
    public async Task IndexOfTwoManifestsIsPushedAndResolvedAsAnIndex()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("index");
        var (amd64, _) = await TestImages.PushImageAsync(client, repo.WithTag("amd64"));
        var (arm64, _) = await TestImages.PushImageAsync(client, repo.WithTag("arm64"));
        var index = new ImageIndex(MediaType.OciIndex, [amd64 with { Platform = Platform.Parse("linux/amd64") }, arm64 with { Platform = Platform.Parse("linux/arm64") }]);
        var bytes = index.ToBytes();

        var pushed = await client.PushManifestAsync(repo.WithTag("multi"), MediaType.OciIndex, bytes, CancellationToken.None);
        var resolved = await client.ResolveAsync(repo.WithTag("multi"), CancellationToken.None);
        var fetched = await client.GetManifestAsync(repo.WithTag("multi"), CancellationToken.None);

        Assert.Equal(MediaType.OciIndex, resolved.MediaType);
        Assert.Equal(pushed.Digest, resolved.Digest);
        Assert.Equal(index, fetched.Parse().Index);
    }

    [Fact]
    public async Task TheSeededBusyboxIndexResolves()
    {
        using var client = LocalRegistry.Client();
        var reference = Reference.Parse($"{LocalRegistry.Address}/busybox:latest");

        var manifest = await client.GetManifestAsync(reference, CancellationToken.None);
        var resolved = await client.ResolveAsync(reference, CancellationToken.None);

        Assert.Equal(manifest.Descriptor, resolved);
        var index = manifest.Parse().Index;
        Assert.NotNull(index);
        Assert.Contains(index.Manifests, m => m.Platform?.Architecture == "arm64");
    }

    [Fact]
    public async Task AMissingTagIsNotFound()
    {
        using var client = LocalRegistry.Client();
        var reference = LocalRegistry.NewRepository("missing").WithTag("nope");

        var ex = await Assert.ThrowsAsync<KilnException>(() => client.ResolveAsync(reference, CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryNotFound, ex.Code);
        Assert.Contains(reference.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushingBytesUnderAnotherDigestIsRefused()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("wrongdigest");
        var (pushed, bytes) = await TestImages.PushImageAsync(client, repo.WithTag("a"));
        var other = Digest.Sha256("other"u8);

        var ex = await Assert.ThrowsAsync<KilnException>(() =>
            client.PushManifestAsync(repo.WithDigest(other), pushed.MediaType, bytes, CancellationToken.None));

        Assert.Equal(ErrorCodes.RegistryDigestMismatch, ex.Code);
    }

    [Fact]
    public async Task TagListFollowsLinkHeaderPages()
    {
        using var client = LocalRegistry.Client(new RegistryOptions { TagPageSize = 2 });
        var repo = LocalRegistry.NewRepository("tags");
        var (image, bytes) = await TestImages.PushImageAsync(client, repo.WithTag("t0"));
        foreach (var tag in new[] { "t1", "t2", "t3", "t4" })
        {
            await client.PushManifestAsync(repo.WithTag(tag), image.MediaType, bytes, CancellationToken.None);
        }

        var tags = await client.ListTagsAsync(repo, CancellationToken.None);

        Assert.Equal(["t0", "t1", "t2", "t3", "t4"], tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReferrersFallBackToTheDigestTagWhenTheApiIsMissing()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("referrers");
        var (subject, _) = await TestImages.PushImageAsync(client, repo.WithTag("app"));
        Assert.Empty(await client.ListReferrersAsync(repo, subject.Digest, null, CancellationToken.None));

        var (sbom, _) = await TestImages.PushImageAsync(client, repo.WithTag("sbom"), subject: subject, artifactType: "application/spdx+json");
        var (sig, _) = await TestImages.PushImageAsync(client, repo.WithTag("sig"), subject: subject, artifactType: "application/vnd.dev.cosign.simplesigning.v1+json");

        var all = await client.ListReferrersAsync(repo, subject.Digest, null, CancellationToken.None);
        var sboms = await client.ListReferrersAsync(repo, subject.Digest, "application/spdx+json", CancellationToken.None);
        var tags = await client.ListTagsAsync(repo, CancellationToken.None);

        Assert.Equal(new[] { sbom.Digest, sig.Digest }.Order(), all.Select(d => d.Digest).Order());
        Assert.Equal(sbom.Digest, Assert.Single(sboms).Digest);
        Assert.Contains(ReferrersClient.FallbackTag(subject.Digest), tags);
        Assert.Equal("sha256-" + subject.Digest.Hex, ReferrersClient.FallbackTag(subject.Digest));
    }
}

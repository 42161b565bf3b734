using Kiln.Diagnostics;
using Kiln.Export.Push;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>
/// Seed 003's release workflow without the build step: each platform pushed by digest with a canonical name,
/// then `kiln imagetools create` joins the digests under one tag that skopeo and buildx read.
/// </summary>
public sealed class PushByDigestTests : IAsyncLifetime
{
    private static readonly PushOptions ByDigest = new() { ByDigest = true, NameCanonical = true };
    private PushFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await PushFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task PerPlatformDigestsJoinIntoOneTagWithBothPlatforms()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("by-digest");
        var pusher = fixture.Pusher(client);
        var names = new List<string>();
        foreach (var platform in new[] { "linux/amd64", "linux/arm64" })
        {
            var manifest = await fixture.Busybox.ManifestForAsync(Platform.Parse(platform));
            var result = await pusher.PushAsync(manifest, [repo], ByDigest, null, CancellationToken.None);

            Assert.Equal($"{repo}@{manifest.Digest}", result.ImageName);
            Assert.Equal(manifest.Digest, result.Digest);
            names.Add(result.ImageName);
        }

        Assert.Empty(await TagsAsync(client, repo));
        foreach (var name in names)
        {
            await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{name}");
        }

        (await KilnRunner.RunAsync(["imagetools", "create", "-t", $"{repo}:1.0", .. names])).ShouldSucceed();

        Assert.Equal(["1.0"], await TagsAsync(client, repo));
        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:1.0");
        Assert.Equal(["linux/amd64", "linux/arm64"], PushFixture.Platforms(raw));
        var buildx = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", $"{repo}:1.0");
        Assert.Contains("Platform:  linux/amd64", buildx, StringComparison.Ordinal);
        Assert.Contains("Platform:  linux/arm64", buildx, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndexPushedByDigestLeavesNoTagButIsComplete()
    {
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("index-by-digest");

        var result = await fixture.Pusher(client).PushAsync(fixture.Busybox.Root, [repo.WithTag("ignored")], ByDigest, null, CancellationToken.None);

        Assert.Equal($"{repo}@{fixture.Busybox.Root.Digest}", result.ImageName);
        Assert.Empty(await TagsAsync(client, repo));
        var layout = Path.Combine(fixture.Busybox.Directory, "copied");
        await ExternalTool.OutputOfAsync("skopeo", "copy", "--all", "--src-tls-verify=false", $"docker://{result.ImageName}", $"oci:{layout}:x");
    }

    /// <summary>The repository's tags; this registry answers NAME_UNKNOWN for a repository holding only untagged manifests.</summary>
    private static async Task<string[]> TagsAsync(RegistryClient client, Reference repo)
    {
        try
        {
            return [.. await client.ListTagsAsync(repo, CancellationToken.None)];
        }
        catch (KilnException e) when (e.Code == ErrorCodes.RegistryNotFound)
        {
            return [];
        }
    }
}

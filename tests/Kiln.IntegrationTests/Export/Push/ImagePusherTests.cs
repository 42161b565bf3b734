using Kiln.Diagnostics;
using Kiln.Export.Push;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;
using Kiln.Oci;
using Kiln.Progress;
using Kiln.Registry;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>Pushing busybox from kiln's content store to the real registry, checked by skopeo, buildx and the request log.</summary>
public sealed class ImagePusherTests : IAsyncLifetime
{
    private PushFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await PushFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task APushedIndexIsReadByOtherClientsAndTheSecondPushSendsNoBlob()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("push", proxy.Address);
        var pusher = fixture.Pusher(client);

        var first = await pusher.PushAsync(fixture.Busybox.Root, [repo.WithTag("1.0")], PushOptions.Default, null, CancellationToken.None);

        Assert.Equal(fixture.Busybox.Root.Digest, first.Digest);
        Assert.Equal($"{repo}:1.0", first.ImageName);
        var plan = await PushPlan.CreateAsync(fixture.Busybox.Store, fixture.Busybox.Root, CancellationToken.None);
        Assert.Equal(plan.Blobs.Select(b => b.Digest), first.Blobs.Select(b => b.Blob.Digest));
        Assert.Equal(6, first.Blobs.Length);
        Assert.All(first.Blobs, b => Assert.Equal(BlobPushResult.Uploaded, b.Outcome));
        var direct = $"{LocalRegistry.Address}/{repo.Repository}:1.0";
        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{direct}");
        Assert.Equal(fixture.Busybox.Root.Digest, Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal(["linux/amd64", "linux/arm64", "linux/arm/v7"], PushFixture.Platforms(raw));
        var buildx = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", direct);
        Assert.Contains("Platform:  linux/arm64", buildx, StringComparison.Ordinal);
        var layout = Path.Combine(fixture.Busybox.Directory, "copied");
        await ExternalTool.OutputOfAsync("skopeo", "copy", "--all", "--src-tls-verify=false", $"docker://{direct}", $"oci:{layout}:x");

        var before = proxy.Requests.Count;
        var second = await pusher.PushAsync(fixture.Busybox.Root, [repo.WithTag("1.0")], PushOptions.Default, null, CancellationToken.None);

        Assert.All(second.Blobs, b => Assert.Equal(BlobPushResult.Skipped, b.Outcome));
        var again = proxy.Requests.Skip(before).ToList();
        Assert.DoesNotContain(again, r => r.StartsWith("POST ", StringComparison.Ordinal) || r.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.Equal([$"PUT /v2/{repo.Repository}/manifests/1.0"], again.Where(r => r.StartsWith("PUT ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChildManifestsGoBeforeTheIndexAndTagsComeLast()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("order", proxy.Address);

        await fixture.Pusher(client).PushAsync(fixture.Busybox.Root, [repo.WithTag("a"), repo.WithTag("b")], PushOptions.Default, null, CancellationToken.None);

        var puts = proxy.Requests.Where(r => r.StartsWith("PUT ", StringComparison.Ordinal)).ToList();
        var manifests = puts.Where(r => r.Contains("/manifests/", StringComparison.Ordinal)).ToList();
        var lastBlob = puts.FindLastIndex(r => r.Contains("/blobs/uploads/", StringComparison.Ordinal));
        var firstManifest = puts.FindIndex(r => r.Contains("/manifests/", StringComparison.Ordinal));
        Assert.True(lastBlob < firstManifest, string.Join('\n', puts));
        Assert.Equal(
            [
                .. (await ChildDigestsAsync()).Select(d => $"PUT /v2/{repo.Repository}/manifests/{d}").Order(StringComparer.Ordinal),
                $"PUT /v2/{repo.Repository}/manifests/{fixture.Busybox.Root.Digest}",
                $"PUT /v2/{repo.Repository}/manifests/a",
                $"PUT /v2/{repo.Repository}/manifests/b",
            ],
            [.. manifests.Take(3).Order(StringComparer.Ordinal), .. manifests.Skip(3)]);
    }

    [Fact]
    public async Task BlobsPulledFromAnotherRepositoryAreMountedNotUploaded()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var source = LocalRegistry.NewRepository("mount-src", proxy.Address);
        var target = LocalRegistry.NewRepository("mount-dst", proxy.Address);
        var amd64 = await fixture.Busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        await fixture.Pusher(client, withOrigins: false).PushAsync(amd64, [source.WithTag("base")], PushOptions.Default, null, CancellationToken.None);

        // A pull records where each blob came from (ImageBlobFetcher), into a store that does not have them yet.
        using var pulled = await PulledStore.CreateAsync(client, source.WithTag("base"));
        var before = proxy.Requests.Count;
        var result = await new ImagePusher(client, pulled.Store, pulled.Origins)
            .PushAsync(amd64, [target.WithTag("app")], PushOptions.Default, null, CancellationToken.None);

        Assert.Equal(2, result.Blobs.Length);
        Assert.All(result.Blobs, b => Assert.Equal(BlobPushResult.Mounted, b.Outcome));
        var requests = proxy.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.Contains($"from={Uri.EscapeDataString(source.Repository)}", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.StartsWith("PATCH ", StringComparison.Ordinal) || r.Contains("/blobs/uploads/", StringComparison.Ordinal) && r.StartsWith("PUT ", StringComparison.Ordinal));
        var mountedFrom = await pulled.Origins.ListAsync(result.Blobs[0].Blob.Digest, target.Registry, CancellationToken.None);
        Assert.Equal([target.Repository, source.Repository], mountedFrom.Select(r => r.Repository));
        await ExternalTool.OutputOfAsync("skopeo", "copy", "--src-tls-verify=false", $"docker://{LocalRegistry.Address}/{target.Repository}:app", $"oci:{pulled.Directory}/copy:x");
    }

    [Fact]
    public async Task AStaleOriginIsPassedOverForOneThatHoldsTheBlob()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var source = LocalRegistry.NewRepository("mount-src", proxy.Address);
        var gone = LocalRegistry.NewRepository("gone", proxy.Address);
        var target = LocalRegistry.NewRepository("mount-dst", proxy.Address);
        var amd64 = await fixture.Busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        var plan = await PushPlan.CreateAsync(fixture.Busybox.Store, amd64, CancellationToken.None);
        var digests = plan.Blobs.Select(b => b.Digest).ToList();
        await fixture.Pusher(client, withOrigins: false).PushAsync(amd64, [source], PushOptions.Default, null, CancellationToken.None);
        await fixture.Origins.RecordAsync(source, digests, CancellationToken.None);
        await fixture.Origins.RecordAsync(gone, digests, CancellationToken.None);

        var result = await fixture.Pusher(client).PushAsync(amd64, [target], PushOptions.Default, null, CancellationToken.None);

        Assert.All(result.Blobs, b => Assert.Equal(BlobPushResult.Mounted, b.Outcome));
        Assert.Equal(2, proxy.Requests.Count(r => r.Contains($"from={Uri.EscapeDataString(gone.Repository)}", StringComparison.Ordinal)));
        await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{LocalRegistry.Address}/{target.Repository}:latest");
    }

    [Fact]
    public async Task OnlyStaleOriginsMeanTheBlobsAreUploaded()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var gone = LocalRegistry.NewRepository("gone", proxy.Address);
        var target = LocalRegistry.NewRepository("upload", proxy.Address);
        var amd64 = await fixture.Busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        var plan = await PushPlan.CreateAsync(fixture.Busybox.Store, amd64, CancellationToken.None);
        await fixture.Origins.RecordAsync(gone, [.. plan.Blobs.Select(b => b.Digest)], CancellationToken.None);

        var result = await fixture.Pusher(client).PushAsync(amd64, [target.WithTag("t")], PushOptions.Default, null, CancellationToken.None);

        Assert.All(result.Blobs, b => Assert.Equal(BlobPushResult.Uploaded, b.Outcome));
        await ExternalTool.OutputOfAsync("skopeo", "copy", "--src-tls-verify=false", $"docker://{LocalRegistry.Address}/{target.Repository}:t", $"oci:{fixture.Busybox.Directory}/stale:x");
    }

    [Fact]
    public async Task TwoRepositoriesInOnePushGetEverythingAndTheSecondMountsFromTheFirst()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var a = LocalRegistry.NewRepository("two-a", proxy.Address);
        var b = LocalRegistry.NewRepository("two-b", proxy.Address);
        var sink = new ListSink();
        var progress = new VertexProgress(sink, Digest.Sha256("push"u8), TimeProvider.System);

        var result = await fixture.Pusher(client).PushAsync(fixture.Busybox.Root, [a.WithTag("x"), b], PushOptions.Default, progress, CancellationToken.None);

        Assert.Equal($"{a}:x,{b}:latest", result.ImageName);
        Assert.All(result.Blobs.Where(p => p.Repository == a), p => Assert.Equal(BlobPushResult.Uploaded, p.Outcome));
        Assert.All(result.Blobs.Where(p => p.Repository == b), p => Assert.Equal(BlobPushResult.Mounted, p.Outcome));
        Assert.Equal(12, result.Blobs.Length);
        foreach (var tag in new[] { $"{a.Repository}:x", $"{b.Repository}:latest" })
        {
            var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{LocalRegistry.Address}/{tag}");
            Assert.Equal(3, PushFixture.Platforms(raw).Length);
        }

        var done = sink.Statuses.Where(s => s.Completed).Select(s => s.Id).ToHashSet();
        Assert.All(result.Blobs, p => Assert.Contains($"{p.Repository.Name}@{p.Blob.Digest}", done));
    }

    [Fact]
    public async Task AFailedUploadLeavesNoManifestAndNoTag()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("fail-blob", proxy.Address);
        proxy.Inject("PUT", "/blobs/uploads/", Fault.WithStatus(400), times: 1000);

        await Assert.ThrowsAsync<KilnException>(() => fixture.Pusher(client).PushAsync(
            fixture.Busybox.Root, [repo.WithTag("1.0")], PushOptions.Default, null, CancellationToken.None));

        Assert.DoesNotContain(proxy.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.Contains("/manifests/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedChildManifestStopsBeforeTheIndexAndTheTag()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("fail-child", proxy.Address);
        var arm64 = await fixture.Busybox.ManifestForAsync(Platform.Parse("linux/arm64"));
        proxy.Inject("PUT", $"/manifests/{arm64.Digest}", Fault.WithStatus(400), times: 1000);

        await Assert.ThrowsAsync<KilnException>(() => fixture.Pusher(client).PushAsync(
            fixture.Busybox.Root, [repo.WithTag("1.0")], PushOptions.Default, null, CancellationToken.None));

        var puts = proxy.Requests.Where(r => r.StartsWith("PUT ", StringComparison.Ordinal)).ToList();
        Assert.Contains(puts, r => r.EndsWith($"/manifests/{arm64.Digest}", StringComparison.Ordinal));
        Assert.DoesNotContain(puts, r => r.EndsWith($"/manifests/{fixture.Busybox.Root.Digest}", StringComparison.Ordinal) || r.EndsWith("/manifests/1.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATargetPinningAnotherDigestIsRefusedBeforeAnythingIsSent()
    {
        using var proxy = new FaultProxy(LocalRegistry.Address);
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("pinned", proxy.Address);

        var e = await Assert.ThrowsAsync<KilnException>(() => fixture.Pusher(client).PushAsync(
            fixture.Busybox.Root, [repo.WithDigest(Digest.Sha256("other"u8))], PushOptions.Default, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.PushTargetInvalid, e.Code);
        Assert.Empty(proxy.Requests);
    }

    private async Task<IEnumerable<Digest>> ChildDigestsAsync() =>
        ImageIndex.Parse(await fixture.Busybox.Store.ReadAllBytesAsync(fixture.Busybox.Root.Digest, CancellationToken.None)).Manifests.Select(m => m.Digest);

    private sealed class ListSink : IProgressSink
    {
        private readonly List<VertexStatus> statuses = [];

        public IReadOnlyList<VertexStatus> Statuses
        {
            get
            {
                lock (statuses)
                {
                    return [.. statuses];
                }
            }
        }

        public void Emit(ProgressEvent progressEvent)
        {
            if (progressEvent is VertexStatus status)
            {
                lock (statuses)
                {
                    statuses.Add(status);
                }
            }
        }
    }
}

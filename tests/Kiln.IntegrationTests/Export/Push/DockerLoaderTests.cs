using Kiln.Diagnostics;
using Kiln.Export;
using Kiln.Export.Load;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.Oci;

namespace Kiln.IntegrationTests.Export.Push;

/// <summary>`--load`: a Docker archive written by kiln goes into the running Docker Engine through its API socket.</summary>
public sealed class DockerLoaderTests : IAsyncLifetime
{
    private BusyboxStore busybox = null!;

    public async Task InitializeAsync() => busybox = await BusyboxStore.CreateAsync();

    public Task DisposeAsync()
    {
        busybox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ALoadedImageRuns()
    {
        using var loader = DockerLoader.FromEnvironment();
        Assert.True(await loader.IsReachableAsync(CancellationToken.None), $"no Docker Engine at {loader.Endpoint.Address}; run scripts/setup.sh");
        var tag = $"kiln-it/load-{Guid.NewGuid().ToString("N")[..12]}:latest";
        var archive = busybox.PathFor("docker.tar");
        var amd64 = await busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        await DockerArchiveWriter.WriteFileAsync(busybox.Store, amd64, archive, [tag], CancellationToken.None);
        try
        {
            var report = await loader.LoadFileAsync(archive, CancellationToken.None);

            Assert.Contains($"Loaded image: {tag}", report);
            var run = await ExternalTool.RunAsync("docker", "run", "--rm", "--network", "none", tag, "true");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "image", "rm", "--force", tag);
        }
    }

    [Fact]
    public async Task AnImageStreamedFromTheStoreRuns()
    {
        using var loader = DockerLoader.FromEnvironment();
        var tag = $"kiln-it/stream-{Guid.NewGuid().ToString("N")[..12]}:latest";
        var index = ImageIndex.Parse(await busybox.Store.ReadAllBytesAsync(busybox.Root.Digest, CancellationToken.None));
        var amd64Only = new ImageIndex(MediaType.OciIndex, [index.Manifests.Single(m => m.Platform?.Architecture == "amd64")]);
        var bytes = amd64Only.ToBytes();
        var root = Descriptor.ForBytes(MediaType.OciIndex, bytes);
        await busybox.Store.WriteAsync(root.Digest, bytes, CancellationToken.None);
        try
        {
            var report = await loader.LoadImageAsync(busybox.Store, root, [tag], CancellationToken.None);

            Assert.Contains($"Loaded image: {tag}", report);
            var run = await ExternalTool.RunAsync("docker", "run", "--rm", "--network", "none", tag, "sh", "-c", "test -x /bin/busybox");
            Assert.True(run.ExitCode == 0, run.Error);
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "image", "rm", "--force", tag);
        }
    }

    [Fact]
    public async Task AMultiPlatformImageIsRefusedBeforeTheEngineIsAsked()
    {
        using var loader = DockerLoader.FromEnvironment();

        var e = await Assert.ThrowsAsync<KilnException>(() => loader.LoadImageAsync(busybox.Store, busybox.Root, ["kiln-it/multi:latest"], CancellationToken.None));

        Assert.Equal(ErrorCodes.DockerExportManifestList, e.Code);
    }

    [Fact]
    public async Task AMissingLayerIsTheErrorReportedNotTheBrokenUpload()
    {
        using var loader = DockerLoader.FromEnvironment();
        var amd64 = await busybox.ManifestForAsync(Platform.Parse("linux/amd64"));
        var manifest = Manifest.Parse(await busybox.Store.ReadAllBytesAsync(amd64.Digest, CancellationToken.None));
        await busybox.Store.DeleteAsync(manifest.Layers[0].Digest, CancellationToken.None);

        var e = await Assert.ThrowsAsync<KilnException>(() => loader.LoadImageAsync(busybox.Store, amd64, ["kiln-it/broken:latest"], CancellationToken.None));

        Assert.Equal(ErrorCodes.BlobNotFound, e.Code);
    }

    [Fact]
    public async Task AnArchiveTheEngineRejectsFailsWithTheLoadCode()
    {
        using var loader = DockerLoader.FromEnvironment();
        using var garbage = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("this is not a tar archive at all"));

        var e = await Assert.ThrowsAsync<KilnException>(() => loader.LoadAsync(garbage, CancellationToken.None));

        Assert.Equal(ErrorCodes.DockerLoadFailed, e.Code);
    }
}

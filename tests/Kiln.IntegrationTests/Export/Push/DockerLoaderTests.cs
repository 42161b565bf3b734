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
    public async Task AnArchiveTheEngineRejectsFailsWithTheLoadCode()
    {
        using var loader = DockerLoader.FromEnvironment();
        using var garbage = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("this is not a tar archive at all"));

        var e = await Assert.ThrowsAsync<KilnException>(() => loader.LoadAsync(garbage, CancellationToken.None));

        Assert.Equal(ErrorCodes.DockerLoadFailed, e.Code);
    }
}

using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;

namespace Kiln.IntegrationTests.Building;

/// <summary>What a build's image becomes outside kiln: loaded into the Docker Engine and run; zstd layers read by the reference.</summary>
public sealed class ImageOutputTests
{
    [Fact]
    public async Task LoadPutsTheImageIntoDockerWhichRunsIt()
    {
        using var work = new BuildWorkspace();
        var tag = $"kiln-it/loaded:{Guid.NewGuid():N}";
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\nRUN echo loaded-by-kiln > /hello\nCMD [\"cat\", \"/hello\"]\n");
        try
        {
            (await work.KilnAsync("build", "--load", "-t", tag, work.Context)).ShouldSucceed();

            var run = await ExternalTool.OutputOfAsync("docker", "run", "--rm", tag);
            Assert.Equal("loaded-by-kiln", run.Trim());
        }
        finally
        {
            await ExternalTool.RunAsync("docker", "image", "rm", "--force", tag);
        }
    }

    [Fact]
    public async Task ZstdLayersKilnPushesArePulledByTheReferenceBuildKit()
    {
        LocalRegistry.EnsureRunning();
        using var work = new BuildWorkspace();
        var image = $"{LocalRegistry.Address}/kiln-it/zstd:{Guid.NewGuid():N}";
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\nRUN echo zstd-layer > /z\n");

        (await work.KilnAsync(
            "build", "--output", $"type=image,name={image},push=true,compression=zstd,force-compression=true", work.Context)).ShouldSucceed();

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--raw", "--tls-verify=false", $"docker://{image}");
        Assert.Contains("application/vnd.oci.image.layer.v1.tar+zstd", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("tar+gzip", raw, StringComparison.Ordinal);
        work.Write("ref/Dockerfile", $"FROM {image}\nRUN test \"$(cat /z)\" = zstd-layer && test -x /bin/busybox\n");
        var reference = await ExternalTool.RunAsync("docker", "buildx", "build", "--progress=plain", "--output", "type=cacheonly", Path.Combine(work.Context, "ref"));
        Assert.True(reference.ExitCode == 0, reference.Error);
    }
}

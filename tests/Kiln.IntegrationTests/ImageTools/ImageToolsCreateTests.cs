using System.Text.Json;
using Kiln.Diagnostics;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;
using Kiln.Oci;

namespace Kiln.IntegrationTests.ImageTools;

/// <summary>`kiln imagetools create` against the real registry, checked by skopeo and buildx (seed 003's workflow).</summary>
public class ImageToolsCreateTests
{
    [Fact]
    public async Task PerArchitectureTagsJoinIntoOneIndexThatOtherClientsRead()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("join");
        await PlatformImages.PushAsync(client, repo.WithTag("1.0-amd64"), "linux/amd64");
        await PlatformImages.PushAsync(client, repo.WithTag("1.0-arm64"), "linux/arm64");

        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:1.0", $"{repo}:1.0-amd64", $"{repo}:1.0-arm64")).ShouldSucceed();

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:1.0");
        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(raw));
        var buildx = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", $"{repo}:1.0");
        Assert.Contains("Platform:  linux/amd64", buildx, StringComparison.Ordinal);
        Assert.Contains("Platform:  linux/arm64", buildx, StringComparison.Ordinal);

        // The same sources give buildx's exact bytes, hence the same digest.
        var expected = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "create", "--dry-run", $"{repo}:1.0-amd64", $"{repo}:1.0-arm64");
        Assert.Equal(expected.TrimEnd('\n'), raw);
    }

    [Fact]
    public async Task SourcesInAnotherRepositoryAreMountedAndTheResultIsComplete()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var from = LocalRegistry.NewRepository("src");
        var to = LocalRegistry.NewRepository("dst");
        var amd = await PlatformImages.PushAsync(client, from.WithTag("amd64"), "linux/amd64");
        var arm = await PlatformImages.PushAsync(client, from.WithTag("arm"), "linux/arm/v7");

        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{to}:multi", $"{from}@{amd.Digest}", $"{from}@{arm.Digest}")).ShouldSucceed();

        var layout = Path.Combine(Directory.CreateTempSubdirectory("kiln-it-copy-").FullName, "layout");
        await ExternalTool.OutputOfAsync("skopeo", "copy", "--all", "--src-tls-verify=false", $"docker://{to}:multi", $"oci:{layout}:x");
        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{to}:multi");
        Assert.Equal(["linux/amd64", "linux/arm/v7"], Platforms(raw));
    }

    [Fact]
    public async Task TwoManifestsForOnePlatformAreRefusedAndNothingIsTagged()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("dup");
        var a = await PlatformImages.PushAsync(client, repo.WithTag("a"), "linux/amd64");
        var b = await PlatformImages.PushAsync(client, repo.WithTag("b"), "linux/amd64");

        var run = await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:both", $"{repo}@{a.Digest}", $"{repo}@{b.Digest}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(ErrorCodes.DuplicatePlatform.ToString(), run.Error, StringComparison.Ordinal);
        Assert.Contains("linux/amd64", run.Error, StringComparison.Ordinal);
        var inspect = await KilnRunner.RunAsync("imagetools", "inspect", $"{repo}:both");
        Assert.Contains(ErrorCodes.RegistryNotFound.ToString(), inspect.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAddsAPlatformButNeverASecondManifestForOne()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("append");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64");
        var arm = await PlatformImages.PushAsync(client, repo.WithTag("arm64"), "linux/arm64");
        var amd2 = await PlatformImages.PushAsync(client, repo.WithTag("amd64-2"), "linux/amd64");
        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:v1", $"{repo}@{amd.Digest}")).ShouldSucceed();

        (await KilnRunner.RunAsync("imagetools", "create", "--append", "-t", $"{repo}:v1", $"{repo}@{arm.Digest}")).ShouldSucceed();
        var before = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:v1");
        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(before));

        var pitfall = await KilnRunner.RunAsync("imagetools", "create", "--append", "-t", $"{repo}:v1", $"{repo}@{amd2.Digest}");
        Assert.Equal(1, pitfall.ExitCode);
        Assert.Contains(ErrorCodes.DuplicatePlatform.ToString(), pitfall.Error, StringComparison.Ordinal);
        var after = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:v1");
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task AnnotationsLandOnTheIndexAndItsDescriptorsAndPrintLikeBuildx()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("annotate");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64");
        var arm = await PlatformImages.PushAsync(client, repo.WithTag("arm64"), "linux/arm64");

        (await KilnRunner.RunAsync(
            "imagetools", "create", "-t", $"{repo}:a",
            "--annotation", "index:org.opencontainers.image.description=two <arches>",
            "--annotation", "manifest-descriptor[linux/amd64]:org.opencontainers.image.title=t",
            "--annotation", "manifest-descriptor[linux/arm64]:only=arm",
            $"{repo}@{amd.Digest}", $"{repo}@{arm.Digest}")).ShouldSucceed();

        var raw = JsonDocument.Parse(await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:a")).RootElement;
        Assert.Equal(MediaType.OciIndex, raw.GetProperty("mediaType").GetString());
        Assert.Equal("two <arches>", raw.GetProperty("annotations").GetProperty("org.opencontainers.image.description").GetString());
        var manifests = raw.GetProperty("manifests");
        Assert.Equal("t", manifests[0].GetProperty("annotations").GetProperty("org.opencontainers.image.title").GetString());
        Assert.False(manifests[0].GetProperty("annotations").TryGetProperty("only", out _));
        Assert.Equal("arm", manifests[1].GetProperty("annotations").GetProperty("only").GetString());
        Assert.False(manifests[1].GetProperty("annotations").TryGetProperty("org.opencontainers.image.title", out _));

        // One annotation per block: buildx prints a block's annotations in Go map order, which varies run to run.
        var kiln = (await KilnRunner.RunAsync("imagetools", "inspect", $"{repo}:a")).ShouldSucceed();
        var buildx = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", $"{repo}:a");
        Assert.Equal(buildx, kiln.Output);
    }

    [Fact]
    public async Task DockerSourcesMakeADockerManifestList()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("docker");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64", docker: true);
        var arm = await PlatformImages.PushAsync(client, repo.WithTag("arm64"), "linux/arm64", docker: true);

        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:list", $"{repo}@{amd.Digest}", $"{repo}@{arm.Digest}")).ShouldSucceed();

        var raw = JsonDocument.Parse(await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:list")).RootElement;
        Assert.Equal(MediaType.DockerManifestList, raw.GetProperty("mediaType").GetString());
    }

    [Fact]
    public async Task AnIndexSourceContributesAllItsManifests()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("nested");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64");
        var arm = await PlatformImages.PushAsync(client, repo.WithTag("arm64"), "linux/arm64");
        var riscv = await PlatformImages.PushAsync(client, repo.WithTag("riscv64"), "linux/riscv64");
        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:two", $"{repo}@{amd.Digest}", $"{repo}@{arm.Digest}")).ShouldSucceed();

        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:three", $"{repo}:two", $"{repo}@{riscv.Digest}")).ShouldSucceed();

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:three");
        Assert.Equal(["linux/amd64", "linux/arm64", "linux/riscv64"], Platforms(raw));
    }

    [Fact]
    public async Task DryRunPrintsTheIndexAndPushesNothing()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("dry");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64");
        var arm = await PlatformImages.PushAsync(client, repo.WithTag("arm64"), "linux/arm64");

        var run = (await KilnRunner.RunAsync("imagetools", "create", "--dry-run", "-t", $"{repo}:dry", $"{repo}@{amd.Digest}", $"{repo}@{arm.Digest}")).ShouldSucceed();

        Assert.Equal(["linux/amd64", "linux/arm64"], Platforms(run.Output));
        var inspect = await KilnRunner.RunAsync("imagetools", "inspect", $"{repo}:dry");
        Assert.Contains(ErrorCodes.RegistryNotFound.ToString(), inspect.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADescriptorFileIsASourceInTheTargetRepository()
    {
        LocalRegistry.EnsureRunning();
        using var client = LocalRegistry.Client();
        var repo = LocalRegistry.NewRepository("file");
        var amd = await PlatformImages.PushAsync(client, repo.WithTag("amd64"), "linux/amd64");
        var file = Path.Combine(Directory.CreateTempSubdirectory("kiln-it-desc-").FullName, "desc.json");
        await File.WriteAllBytesAsync(file, amd.ToBytes());

        (await KilnRunner.RunAsync("imagetools", "create", "-t", $"{repo}:f", "-f", file)).ShouldSucceed();

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--tls-verify=false", "--raw", $"docker://{repo}:f");
        Assert.Equal(["linux/amd64"], Platforms(raw));
    }

    [Theory]
    [InlineData("manifest:k=v")]
    [InlineData("index-descriptor:k=v")]
    [InlineData("nonsense:k=v")]
    [InlineData("novalue")]
    [InlineData("index[linux/amd64]:k=v")]
    public async Task BadAnnotationsAreRefusedWithACode(string annotation)
    {
        var run = await KilnRunner.RunAsync("imagetools", "create", "--dry-run", "--annotation", annotation, "127.0.0.1:5000/x/y:z");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(ErrorCodes.InvalidAnnotation.ToString(), run.Error, StringComparison.Ordinal);
    }

    private static string[] Platforms(string indexJson) =>
        [.. JsonDocument.Parse(indexJson).RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => Platform.Read(new OciJsonObject(m.GetProperty("platform"), "platform", ErrorCodes.InvalidJson)).ToString())];
}

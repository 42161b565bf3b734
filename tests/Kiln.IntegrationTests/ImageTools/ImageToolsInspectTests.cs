using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;

namespace Kiln.IntegrationTests.ImageTools;

/// <summary>`kiln imagetools inspect` prints exactly what `docker buildx imagetools inspect` prints.</summary>
public class ImageToolsInspectTests
{
    private static string Busybox => $"{LocalRegistry.Address}/busybox:latest";

    public static TheoryData<string, string[]> Forms => new()
    {
        { "table of an index", [] },
        { "raw bytes", ["--raw"] },
        { "json of the manifest", ["--format", "{{json .Manifest}}"] },
        { "json of everything with per-platform configs", ["--format", "{{json .}}"] },
        { "a field", ["--format", "{{.Name}} {{.Manifest.MediaType}}"] },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task MatchesBuildx(string name, string[] flags)
    {
        Assert.NotNull(name);
        LocalRegistry.EnsureRunning();
        var kiln = (await KilnRunner.RunAsync(["imagetools", "inspect", Busybox, .. flags])).ShouldSucceed();
        var buildx = await ExternalTool.OutputOfAsync("docker", ["buildx", "imagetools", "inspect", Busybox, .. flags]);
        Assert.Equal(buildx, kiln.Output);
    }

    [Fact]
    public async Task ASingleManifestShowsNoManifestList()
    {
        LocalRegistry.EnsureRunning();
        var index = (await KilnRunner.RunAsync("imagetools", "inspect", "--raw", Busybox)).ShouldSucceed();
        var amd64 = System.Text.Json.JsonDocument.Parse(index.Output).RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString();
        var reference = $"{LocalRegistry.Address}/busybox@{amd64}";
        var kiln = (await KilnRunner.RunAsync("imagetools", "inspect", reference)).ShouldSucceed();
        var buildx = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", reference);
        Assert.Equal(buildx, kiln.Output);
        Assert.DoesNotContain("Manifests:", kiln.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingImageIsAnErrorWithACode()
    {
        LocalRegistry.EnsureRunning();
        var run = await KilnRunner.RunAsync("imagetools", "inspect", $"{LocalRegistry.Address}/kiln-it/does-not-exist:1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Kiln.Diagnostics.ErrorCodes.RegistryNotFound.ToString(), run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidReferenceIsAnErrorWithACode()
    {
        var run = await KilnRunner.RunAsync("imagetools", "inspect", "Upper/Case");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(Kiln.Diagnostics.ErrorCodes.InvalidReference.ToString(), run.Error, StringComparison.Ordinal);
    }
}

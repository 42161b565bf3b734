using System.Text.Json;
using Kiln.IntegrationTests.Infrastructure;
using Kiln.IntegrationTests.Registry;

namespace Kiln.IntegrationTests.Building;

/// <summary>
/// Seed 003's pipeline with kiln in place of buildx: one bake build per platform pushed by digest (no tag), the
/// digests read from the metadata files, then one `imagetools create` that tags both; the reference tools see one
/// tag with both platforms, and the reference BuildKit builds FROM it.
/// </summary>
public sealed class Seed003WorkflowTests
{
    [Fact]
    public async Task PerPlatformPushByDigestThenImagetoolsCreateGivesOneMultiPlatformTag()
    {
        LocalRegistry.EnsureRunning();
        using var work = new BuildWorkspace();
        var repository = $"{LocalRegistry.Address}/kiln-seed003/app{Guid.NewGuid():N}"[..^20];
        work.Write("Dockerfile", $"FROM {BuildWorkspace.Busybox}\nRUN uname -m > /arch\n");
        var bakeFile = work.PathOf("docker-bake.hcl");
        await File.WriteAllTextAsync(bakeFile, $$"""
            target "app" {
              context = "{{work.Context}}"
              tags = ["{{repository}}"]
              output = ["type=image,push-by-digest=true,name-canonical=true,push=true"]
            }
            """);

        var digests = new List<string>();
        foreach (var platform in new[] { "linux/amd64", "linux/arm64" })
        {
            var metadata = work.PathOf($"metadata-{platform.Replace('/', '-')}.json");
            (await work.KilnAsync("bake", "-f", bakeFile, "--set", $"*.platform={platform}", "--metadata-file", metadata, "app")).ShouldSucceed();
            var app = JsonDocument.Parse(await File.ReadAllTextAsync(metadata)).RootElement.GetProperty("app");
            var digest = app.GetProperty("containerimage.digest").GetString()!;
            Assert.Equal($"{repository}@{digest}", app.GetProperty("image.name").GetString());
            digests.Add(digest);
        }

        // Pushed by digest only: the repository has no tag (registry 2.8 answers 404 for an untagged repository's list).
        var tags = await ExternalTool.RunAsync("skopeo", "list-tags", "--tls-verify=false", $"docker://{repository}");
        Assert.DoesNotContain("latest", tags.Output, StringComparison.Ordinal);

        (await work.KilnAsync("imagetools", "create", "-t", $"{repository}:1.0", $"{repository}@{digests[0]}", $"{repository}@{digests[1]}")).ShouldSucceed();

        var raw = await ExternalTool.OutputOfAsync("skopeo", "inspect", "--raw", "--tls-verify=false", $"docker://{repository}:1.0");
        var platforms = JsonDocument.Parse(raw).RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Order().ToList();
        Assert.Equal(["amd64", "arm64"], platforms);
        var inspect = await ExternalTool.OutputOfAsync("docker", "buildx", "imagetools", "inspect", $"{repository}:1.0");
        Assert.Contains("linux/arm64", inspect, StringComparison.Ordinal);

        // The reference BuildKit builds FROM the tag kiln made and sees kiln's file for its platform.
        work.Write("ref/Dockerfile", $"FROM {repository}:1.0\nRUN test \"$(cat /arch)\" = \"$(uname -m)\"\n");
        var reference = await ExternalTool.RunAsync("docker", "buildx", "build", "--progress=plain", "--output", "type=cacheonly", Path.Combine(work.Context, "ref"));
        Assert.True(reference.ExitCode == 0, reference.Error);
    }
}

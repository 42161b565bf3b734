using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kiln.IntegrationTests.Building;

/// <summary>`kiln bake` building: targets share one solve, so a stage they share runs once.</summary>
public sealed partial class BakeBuildTests
{
    [Fact]
    public async Task TwoTargetsSharingABaseStageRunTheSharedStepOnce()
    {
        using var work = new BuildWorkspace();
        var marker = Guid.NewGuid().ToString("N");
        work.Write("Dockerfile", $"""
            FROM {BuildWorkspace.Busybox} AS base
            RUN echo ran-$((1+1))-{marker} && echo shared-{marker} > /shared
            FROM base AS app
            RUN echo app > /who
            FROM base AS worker
            RUN echo worker > /who
            """);
        var bakeFile = work.PathOf("docker-bake.hcl");
        await File.WriteAllTextAsync(bakeFile, $$"""
            group "default" { targets = ["app", "worker"] }
            target "common" { context = "{{work.Context}}" }
            target "app" {
              inherits = ["common"]
              target = "app"
              output = ["type=local,dest={{work.PathOf("app")}}"]
            }
            target "worker" {
              inherits = ["common"]
              target = "worker"
              output = ["type=local,dest={{work.PathOf("worker")}}"]
            }
            """);
        var metadata = work.PathOf("metadata.json");

        var run = (await work.KilnAsync("bake", "-f", bakeFile, "--progress=plain", "--metadata-file", metadata)).ShouldSucceed();

        // The step's own output line (the command text says $((1+1)), only a run prints 2) appears once: one run.
        Assert.Single(StepOutput().Matches(run.Error), m => m.Groups["marker"].Value == marker);
        Assert.Equal("app\n", await File.ReadAllTextAsync(Path.Combine(work.PathOf("app"), "who")));
        Assert.Equal("worker\n", await File.ReadAllTextAsync(Path.Combine(work.PathOf("worker"), "who")));
        Assert.Equal($"shared-{marker}\n", await File.ReadAllTextAsync(Path.Combine(work.PathOf("worker"), "shared")));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(metadata)).RootElement;
        Assert.True(json.TryGetProperty("app", out _));
        Assert.True(json.TryGetProperty("worker", out _));
    }

    [GeneratedRegex(@"^#\d+ \d+\.\d+ ran-2-(?<marker>[0-9a-f]+)$", RegexOptions.Multiline)]
    private static partial Regex StepOutput();
}

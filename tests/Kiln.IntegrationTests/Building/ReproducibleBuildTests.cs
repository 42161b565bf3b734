using System.Text.Json;

namespace Kiln.IntegrationTests.Building;

/// <summary>SOURCE_DATE_EPOCH with rewrite-timestamp=true: the same inputs give the same image, wherever and whenever built.</summary>
public sealed class ReproducibleBuildTests
{
    [Fact]
    public async Task TheSameContextFromTwoCheckoutsAndTwoRootsGivesTheSameIndexDigest()
    {
        var digests = new List<string>();
        foreach (var delay in new[] { 0, 1100 })
        {
            await Task.Delay(delay); // the second checkout's files get other mtimes
            using var work = new BuildWorkspace();
            work.Write("src/app.txt", "app\n");
            work.Write("Dockerfile", $"""
                FROM --platform=$BUILDPLATFORM {BuildWorkspace.Busybox} AS build
                COPY src/ /src/
                RUN mkdir /out && cp /src/app.txt /out/ && touch /out/created-now /out
                FROM {BuildWorkspace.Busybox}
                COPY --from=build /out/ /app/
                RUN echo "$(uname -m)" > /app/arch
                """);
            var metadata = work.PathOf("metadata.json");
            (await work.KilnWithAsync(
                new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" },
                "build",
                "--platform", "linux/amd64,linux/arm64",
                "--output", $"type=oci,dest={work.PathOf("out.tar")},rewrite-timestamp=true",
                "--metadata-file", metadata,
                work.Context)).ShouldSucceed();
            var json = JsonDocument.Parse(await File.ReadAllTextAsync(metadata)).RootElement;
            digests.Add(json.GetProperty("containerimage.digest").GetString()!);
        }

        Assert.Equal(digests[0], digests[1]);
    }
}

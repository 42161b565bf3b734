using System.Text.Json;
using Kiln.Cli.Progress;
using Kiln.Progress;
using static Kiln.Tests.Cli.Progress.ProgressEvents;

namespace Kiln.Tests.Cli.Progress;

public class RawJsonProgressRendererTests
{
    private static string[] Render(params ProgressEvent[] events)
    {
        using var writer = new StringWriter();
        var renderer = new RawJsonProgressRenderer(writer);
        foreach (var e in events)
        {
            renderer.Render(e);
        }

        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void EveryLineIsOneSolveStatusObject()
    {
        var lines = Render(Start(1, "A"), Log(1, "hi\n", 0.1), Done(1, 0, 0.2));
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l));
        var log = JsonDocument.Parse(lines[1]).RootElement.GetProperty("logs")[0];
        Assert.Equal(V(1).ToString(), log.GetProperty("vertex").GetString());
        Assert.Equal(1, log.GetProperty("stream").GetInt32());
        Assert.Equal("hi\n", System.Text.Encoding.UTF8.GetString(log.GetProperty("data").GetBytesFromBase64()));
    }

    [Fact]
    public void GrepCountsOfCachedTrueAndFalseMatchHitsAndExecutions()
    {
        var lines = Render(Cached(1, "a"), Start(2, "b"), Done(2, 0, 1), Cached(3, "c"), Start(4, "d"), Done(4, 0, 2));
        Assert.Equal(2, lines.Count(l => l.Contains("\"cached\":true", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("\"cached\":false", StringComparison.Ordinal)));
    }

    [Fact]
    public void ACompletedVertexCarriesItsNameAndStartTime()
    {
        var vertex = JsonDocument.Parse(Render(Start(1, "[stage 1/1] RUN x", 1.5), Done(1, 1.5, 2.25))[1]).RootElement.GetProperty("vertexes")[0];
        Assert.Equal("[stage 1/1] RUN x", vertex.GetProperty("name").GetString());
        Assert.Equal("2026-11-23T12:00:01.5Z", vertex.GetProperty("started").GetString());
        Assert.Equal("2026-11-23T12:00:02.25Z", vertex.GetProperty("completed").GetString());
    }

    [Theory]
    [InlineData(0.0, "2026-11-23T12:00:00Z")]
    [InlineData(0.1234567, "2026-11-23T12:00:00.1234567Z")]
    [InlineData(0.5, "2026-11-23T12:00:00.5Z")]
    public void TimestampsAreRfc3339Nano(double seconds, string expected) =>
        Assert.Equal(expected, RawJsonProgressRenderer.Timestamp(At(seconds)));
}

using Kiln.Cli.Progress;
using Kiln.Diagnostics;
using Kiln.Progress;
using static Kiln.Tests.Cli.Progress.ProgressEvents;

namespace Kiln.Tests.Cli.Progress;

public class PlainProgressRendererTests
{
    private static string Render(params ProgressEvent[] events)
    {
        using var writer = new StringWriter();
        var renderer = new PlainProgressRenderer(writer);
        foreach (var e in events)
        {
            renderer.Render(e);
        }

        renderer.Complete();
        return writer.ToString();
    }

    [Fact]
    public void AVertexWithOutputEndsWithDoneAndABlankLine() =>
        Assert.Equal(
            "#1 [base 2/2] RUN echo hello\n#1 0.171 hello\n#1 DONE 0.2s\n",
            Render(Start(1, "[base 2/2] RUN echo hello"), Log(1, "hello\n", 0.171), Done(1, 0, 0.2)));

    [Fact]
    public void ACacheHitPrintsCached() =>
        Assert.Equal("#1 [stage-1 1/2] COPY a /x\n#1 CACHED\n", Render(Cached(1, "[stage-1 1/2] COPY a /x")));

    [Fact]
    public void InterleavedOutputMarksTheLeftVertexAndRepeatsHeaders() =>
        Assert.Equal(
            "#1 A\n#1 ...\n\n#2 B\n#2 ...\n\n#1 A\n#1 1.000 a\n#1 ...\n\n#2 B\n#2 2.000 b\n#2 DONE 2.0s\n\n#1 A\n#1 DONE 3.0s\n",
            Render(Start(1, "A"), Start(2, "B"), Log(1, "a\n", 1), Log(2, "b\n", 2), Done(2, 0, 2), Done(1, 0, 3)));

    [Fact]
    public void LinesSplitAcrossChunksAreJoinedAndAnUnfinishedLineIsFlushed() =>
        Assert.Equal(
            "#1 A\n#1 0.500 hello world\n#1 0.700 tail\n#1 DONE 1.0s\n",
            Render(Start(1, "A"), Log(1, "hel", 0.1), Log(1, "lo world\nta", 0.5), Log(1, "il", 0.7), Done(1, 0, 1)));

    [Fact]
    public void AnErrorIsPrintedWithItsMessage() =>
        Assert.Equal(
            "#1 RUN false\n#1 ERROR: process \"/bin/sh -c false\" did not complete successfully: exit code: 1\n",
            Render(Start(1, "RUN false"), new VertexErrored(At(1), V(1), At(0), ErrorCodes.Internal, "process \"/bin/sh -c false\" did not complete successfully: exit code: 1")));

    [Theory]
    [InlineData("transferring dockerfile:", 154L, null, 0.005, "#1 transferring dockerfile: 154B done")]
    [InlineData("sha256:abc", 1_031_519L, 1_031_519L, 0.5, "#1 sha256:abc 1.03MB / 1.03MB 0.5s done")]
    [InlineData("resolve docker.io/x", 0L, null, 0.04, "#1 resolve docker.io/x 0.0s done")]
    public void CompletedStatusesUseBuildxUnitsAndShowTimesPastTenMilliseconds(string id, long current, long? total, double at, string expected)
    {
        var status = new VertexStatus(At(at), V(1), id, id, current, total) { Completed = true };
        var text = Render(Start(1, "A"), status);
        Assert.Equal($"#1 A\n{expected}\n", text);
    }

    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(154L, "154B")]
    [InlineData(999L, "999B")]
    [InlineData(1000L, "1.00kB")]
    [InlineData(1_031_519L, "1.03MB")]
    [InlineData(1_000_000L, "1.00MB")]
    [InlineData(12_345_678_901L, "12.35GB")]
    public void HumanSizeIsDecimalWithTwoDecimals(long bytes, string expected) =>
        Assert.Equal(expected, PlainProgressRenderer.HumanSize(bytes));

    [Fact]
    public void GrepCountOfCachedEqualsTheNumberOfCacheHits()
    {
        var text = Render(Cached(1, "a"), Start(2, "b"), Done(2, 0, 1), Cached(3, "c"), Cached(4, "d"));
        Assert.Equal(3, text.Split('\n').Count(l => l.Contains("CACHED", StringComparison.Ordinal)));
    }

    [Fact]
    public void WarningsAreSummarisedWithTheirLocation()
    {
        var warning = new ProgressWarning(At(0), null, "JSONArgsRecommended: JSON arguments recommended for CMD", SourceSpan.Lines("Dockerfile", 4, 4));
        Assert.Equal("\n 1 warning found:\n - JSONArgsRecommended: JSON arguments recommended for CMD (Dockerfile:4)\n", Render(warning));
    }
}

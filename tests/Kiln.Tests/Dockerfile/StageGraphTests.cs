using Kiln.Diagnostics;
using Kiln.Dockerfile.Stages;

namespace Kiln.Tests.Dockerfile;

/// <summary>Stage names, dependencies, target selection, reachability and cycles.</summary>
public class StageGraphTests
{
    private const string MultiStage = """
        ARG BASE=alpine
        FROM $BASE AS Base
        FROM base AS deps
        RUN --mount=type=bind,from=tools,target=/t true
        FROM busybox AS tools
        FROM scratch AS unused
        FROM scratch AS final
        COPY --from=deps /a /a
        COPY --from=0 /b /b
        COPY --from=nginx:1 /c /c
        """;

    [Fact]
    public void DependenciesResolveStagesByNameAndIndex()
    {
        var doc = DockerfileDocument.Load(MultiStage);
        Assert.False(doc.HasErrors, string.Join("\n", doc.Diagnostics));
        Assert.Equal(["base", "deps", "tools", "unused", "final"], doc.Stages.Stages.Select(s => s.Name));
        Assert.Equal([0, 1], doc.Graph.DependenciesOf(4).Order());
        Assert.Equal([0, 2], doc.Graph.DependenciesOf(1).Order());
        Assert.Contains(doc.Graph.Dependencies, d => d is { Stage: 0, TargetStage: null, Image: null });
        Assert.Contains(doc.Graph.Dependencies, d => d is { Stage: 4, Image: "nginx:1" });
        Assert.Equal("final", doc.Target!.Name);
        Assert.Equal([0, 1, 2, 4], doc.Reachable.ToArray());
        Assert.Equal(["BASE"], doc.Stages.MetaArgs.SelectMany(a => a.Args).Select(a => a.Name.Text));
    }

    [Theory]
    [InlineData("DEPS", new[] { 0, 1, 2 })]
    [InlineData("tools", new[] { 2 })]
    [InlineData("unused", new[] { 3 })]
    public void TargetSelectsReachableStages(string target, int[] reachable)
    {
        var doc = DockerfileDocument.Load(MultiStage, target: target);
        Assert.Equal(reachable, doc.Reachable);
    }

    [Fact]
    public void UnknownTargetIsAnError()
    {
        var doc = DockerfileDocument.Load(MultiStage, target: "nope");
        Assert.Equal(ErrorCodes.DockerfileUnknownTarget, Assert.Single(doc.Diagnostics).Code);
    }

    [Fact]
    public void FromSeesOnlyEarlierStages()
    {
        var doc = DockerfileDocument.Load("FROM b AS a\nFROM a AS b\n");
        Assert.Empty(doc.Diagnostics);
        Assert.Contains(doc.Graph.Dependencies, d => d is { Stage: 0, Image: "b" });
        Assert.Contains(doc.Graph.Dependencies, d => d is { Stage: 1, TargetStage: 0 });
    }

    [Fact]
    public void CyclesThroughCopyFromAreDetected()
    {
        var doc = DockerfileDocument.Load("FROM scratch AS a\nCOPY --from=b x y\nFROM scratch AS b\nRUN --mount=from=a,target=/a true\n");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal(ErrorCodes.DockerfileStageCycle, d.Code);
        Assert.Equal(1, d.Span!.Start.Line);
    }

    [Fact]
    public void DeferredErrorsCountOnlyInReachableStages()
    {
        const string text = "FROM scratch AS a\nEXPOSE nope\nFROM scratch AS b\n";
        Assert.False(DockerfileDocument.Load(text).HasErrors);
        Assert.Equal(ErrorCodes.DockerfileInvalidPort, Assert.Single(DockerfileDocument.Load(text, target: "a").Diagnostics).Code);
    }

    [Fact]
    public void ResolverExpandsReferencesForConversion()
    {
        var doc = DockerfileDocument.Load("ARG S=src\nFROM scratch AS src\nFROM $S\n");
        Assert.Contains(doc.Graph.Dependencies, d => d is { Stage: 1, TargetStage: null, Image: null });
        var graph = StageGraph.Build(doc.Stages, w => w.Text.Replace("$S", "src", StringComparison.Ordinal));
        Assert.Equal([0], graph.DependenciesOf(1));
    }

    [Fact]
    public void CopyFromIsNeverExpandedAndFromMatchesStageNamesExactly()
    {
        var copy = DockerfileDocument.Load("FROM scratch\nARG S=x\nCOPY --from=$S a b\n");
        Assert.Equal(ErrorCodes.DockerfileInvalidStageReference, Assert.Single(copy.Diagnostics).Code);
        var from = DockerfileDocument.Load("FROM scratch AS Build\nFROM BUILD\nFROM scratch\nCOPY --from=BUILD a b\n");
        Assert.Equal(2, Assert.Single(from.Diagnostics).Span!.Start.Line);
    }
}

using System.Collections.Immutable;
using Kiln.Build;
using Kiln.Dockerfile.Conversion;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Build;

public sealed class TargetNamesTests
{
    [Theory]
    [InlineData("[stage-0 2/3] RUN make", "[app stage-0 2/3] RUN make")]
    [InlineData("[internal] load build context", "[app internal] load build context")]
    [InlineData("exporting to image", "[app] exporting to image")]
    public void NamesGetTheTargetAsBuildxBakeShowsIt(string name, string expected) =>
        Assert.Equal(expected, TargetNames.Prefix(name, "app"));

    [Fact]
    public void RenamingKeepsEveryDigestAndSharedInputsStayShared()
    {
        var source = new Vertex(new ImageSourceOp(Reference.Parse("busybox")), [], new VertexMetadata { Name = "[base 1/2] FROM busybox" });
        var run = new Vertex(
            new ExecOp(["sh", "-c", "true"], [new ExecMount("/") { Input = 0, Output = 0 }]),
            [source],
            new VertexMetadata { Name = "[base 2/2] RUN true" });
        var copy = new Vertex(new FileOp(0, [new MkdirAction("/x", 0x1ED)]), [source]);
        var platform = new PlatformResult(new Platform("linux", "amd64"), run, ImageConfig.For(new Platform("linux", "amd64")), ImmutableDictionary<int, Vertex?>.Empty.Add(0, copy));
        var conversion = new ConversionResult([platform], [], []);

        var renamed = TargetNames.Prefix(conversion, "web");

        var root = renamed.Platforms[0].Root!;
        Assert.Equal(run.Digest, root.Digest);
        Assert.Equal("[web base 2/2] RUN true", root.DisplayName);
        Assert.Equal("[web base 1/2] FROM busybox", root.Inputs[0].Vertex.DisplayName);
        Assert.Same(root.Inputs[0].Vertex, renamed.Platforms[0].Stages[0]!.Inputs[0].Vertex);
    }
}

using Kiln.Diagnostics;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Tests.Graph;

public class VertexTests
{
    private static readonly SourceSpan Span = SourceSpan.Lines("Dockerfile", 4, 4);
    private static readonly Vertex Busybox = new(new ImageSourceOp(Reference.Parse("busybox")));
    private static readonly Vertex Alpine = new(new ImageSourceOp(Reference.Parse("alpine")));

    [Fact]
    public void MetadataIsNotPartOfTheDigest()
    {
        var named = Busybox.WithMetadata(new VertexMetadata { Name = "[1/2] FROM busybox", Source = Span, Stage = "base", IgnoreCache = true });

        Assert.Equal(Busybox.Digest, named.Digest);
    }

    [Fact]
    public void DigestCoversTheInputs()
    {
        var op = new ExecOp(["true"], [new ExecMount("/") { Input = 0, Output = 0 }]);

        Assert.NotEqual(new Vertex(op, [Busybox]).Digest, new Vertex(op, [Alpine]).Digest);
        Assert.Equal(new Vertex(op, [Busybox]).Digest, new Vertex(op, [Busybox]).Digest);
    }

    [Fact]
    public void DigestCoversTheInputOutputIndex()
    {
        var twoOutputs = new Vertex(new ExecOp(["true"], [new ExecMount("/") { Input = 0, Output = 0 }, new ExecMount("/out") { Output = 1 }]), [Busybox]);
        var copy = new FileOp(-1, [new CopyAction(0, "/", "/")]);

        Assert.NotEqual(new Vertex(copy, [new Edge(twoOutputs, 0)]).Digest, new Vertex(copy, [new Edge(twoOutputs, 1)]).Digest);
    }

    [Fact]
    public void DigestDiffersFromTheOpDigest()
    {
        Assert.Equal(Busybox.Op.ComputeDigest(), Busybox.OpDigest);
        Assert.NotEqual(Busybox.OpDigest, Busybox.Digest);
    }

    [Fact]
    public void MissingInputIsRejectedWithTheVertexSource()
    {
        var error = Assert.Throws<KilnException>(() =>
            new Vertex(new FileOp(0, [new CopyAction(1, "/a", "/b")]), [Busybox], new VertexMetadata { Source = Span }));

        Assert.Equal(ErrorCodes.GraphInvalid, error.Code);
        Assert.Equal(Span, error.Span);
    }

    [Fact]
    public void MissingOutputIsRejected()
    {
        var error = Assert.Throws<KilnException>(() => new Vertex(new DiffOp(-1, 0), [new Edge(Busybox, 1)]));

        Assert.Equal(ErrorCodes.GraphInvalid, error.Code);
    }
}

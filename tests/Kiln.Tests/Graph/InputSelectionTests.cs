using Kiln.Graph;

namespace Kiln.Tests.Graph;

public class InputSelectionTests
{
    private static readonly ExecMount Root = new("/") { Input = 0, Output = 0 };

    [Fact]
    public void CopySourceInputIsReadAsItsSelectedPaths()
    {
        var op = new FileOp(0, [new CopyAction(1, "/src", "/app") { ExcludePatterns = ["*.md"] }, new CopyAction(1, "/go.mod", "/app/")]);

        var selection = op.SelectionFor(1);

        Assert.NotNull(selection);
        Assert.Equal(["/src", "/go.mod"], selection.Paths.Select(p => p.Path));
        Assert.Equal(["*.md"], selection.Paths[0].ExcludePatterns.ToArray());
        Assert.Null(op.SelectionFor(0));
    }

    [Fact]
    public void InputThatIsAlsoTheBaseIsReadWhole()
    {
        var op = new FileOp(0, [new CopyAction(0, "/src", "/dst")]);

        Assert.Null(op.SelectionFor(0));
    }

    [Fact]
    public void ReadOnlyBindMountBelowTheRootIsASelection()
    {
        var op = new ExecOp(["make"], [Root, new ExecMount("/mnt") { Input = 1, Selector = "/dist", ReadOnly = true }]);

        Assert.Equal("/dist", Assert.Single(op.SelectionFor(1)!.Paths).Path);
        Assert.Null(op.SelectionFor(0));
    }

    [Theory]
    [InlineData("/dist", false)]
    [InlineData("/", true)]
    [InlineData("", true)]
    public void WritableOrWholeMountsAreReadWhole(string selector, bool readOnly)
    {
        var op = new ExecOp(["make"], [Root, new ExecMount("/mnt") { Input = 1, Selector = selector, ReadOnly = readOnly }]);

        Assert.Null(op.SelectionFor(1));
    }

    [Fact]
    public void SourcesMergeAndDiffReadInputsWhole()
    {
        Assert.Null(new MergeOp([0, 1]).SelectionFor(0));
        Assert.Null(new DiffOp(0, 1).SelectionFor(1));
    }
}

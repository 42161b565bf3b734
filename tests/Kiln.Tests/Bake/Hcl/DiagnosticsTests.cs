using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Evaluation;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake.Hcl;

public class DiagnosticsTests
{
    [Fact]
    public void ParseErrorsRenderWithFilePositionAndSnippet()
    {
        const string source = "a = 1\nb = [1, 2\nc = 3\n";
        var result = HclParser.ParseFile(source, "docker-bake.hcl");
        var text = DiagnosticRenderer.Render(result.Diagnostics[0], source);
        Assert.Contains("KILN1805: docker-bake.hcl:3:1:", text, StringComparison.Ordinal);
        Assert.Contains(" >>> 3 | c = 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFunctionSuggestsTheClosestName()
    {
        var ex = Assert.Throws<KilnException>(() => HclTestContext.Evaluate("uper(\"a\")"));
        Assert.Equal(ErrorCodes.HclUnknownFunction, ex.Code);
        Assert.Contains("did you mean \"upper\"?", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(1, 1), ex.Span!.Start);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("index", "indexof", 2)]
    public void LevenshteinDistance(string a, string b, int expected) => Assert.Equal(expected, Kiln.Diagnostics.EditDistance.Between(a, b));

    [Fact]
    public void FunctionErrorsPointAtTheFaultyArgument()
    {
        var ex = Assert.Throws<KilnException>(() => HclTestContext.Evaluate("element(nums,\n  -1)"));
        Assert.Equal(ErrorCodes.HclFunctionCallFailed, ex.Code);
        Assert.Equal(new SourcePosition(2, 3), ex.Span!.Start);
    }
}

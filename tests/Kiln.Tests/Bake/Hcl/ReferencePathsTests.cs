using Kiln.Bake.Hcl;
using Kiln.Bake.Hcl.Expressions;

namespace Kiln.Tests.Bake.Hcl;

public class ReferencePathsTests
{
    private static List<string> Paths(string source)
    {
        var (expression, diagnostics) = HclParser.ParseExpression(source, "r.hcl");
        Assert.Empty(diagnostics);
        return [.. ReferencePaths.Of(expression).Select(p => string.Join("/", p))];
    }

    [Theory]
    [InlineData("target.web.tags", "target/web/tags")]
    [InlineData("target.web.tags[0]", "target/web/tags/0")]
    [InlineData("target[\"web\"].args.A", "target/web/args/A")]
    [InlineData("target[name].tags", "target|name")]
    [InlineData("\"${TAG}-${upper(REPO)}\"", "TAG|REPO")]
    [InlineData("[for t in targets : target[t].tags if t != skip]", "targets|target|skip")]
    [InlineData("{for k, v in m : k => v.x}", "m")]
    [InlineData("\"%{for x in xs}${x.y}${z}%{endfor}\"", "xs|z")]
    [InlineData("a ? b.c : d[0]", "a|b/c|d/0")]
    [InlineData("f(x, y...)", "x|y")]
    [InlineData("items[*].name", "items")]
    [InlineData("1 + 2", "")]
    public void FindsStaticPaths(string source, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|').ToList(), Paths(source));
}

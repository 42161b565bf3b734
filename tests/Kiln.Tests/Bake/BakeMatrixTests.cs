using Kiln.Bake.Evaluation;
using Kiln.Bake.Hcl.Values;
using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

public class BakeMatrixTests
{
    [Fact]
    public void TheFirstDimensionByNameVariesFastest()
    {
        var dims = HclValue.Object([
            new("z", HclValue.Tuple([HclValue.From("1"), HclValue.From("2")])),
            new("a", HclValue.Tuple([HclValue.From("x"), HclValue.From("y")])),
        ]);
        var combos = BakeMatrixExpander.Combinations(dims, Span);
        var names = combos.Select(c => $"{((HclString)c["z"]).Value}{((HclString)c["a"]).Value}");
        Assert.Equal(["1x", "1y", "2x", "2y"], names);
    }

    [Fact]
    public void ThreeDimensionsMakeEveryCombinationAndAGroupOfTheLabel()
    {
        var plan = BakeTestFiles.Hcl("""
            target "t" {
              matrix = { a = ["1", "2"], b = ["x", "y", "z"], c = ["p", "q"] }
              name = "t-${a}${b}${c}"
              args = { V = "${a}${b}${c}" }
            }
            """, ["t"]);
        Assert.Equal(12, plan.Targets.Count);
        Assert.Equal("2yq", plan.Targets["t-2yq"].GetMap(BakeFields.Args)["V"]);
        Assert.Equal("t-1xp", plan.Groups["t"].Targets[0]);
        Assert.Equal("t-2xp", plan.Groups["t"].Targets[1]);
        Assert.Equal(["t"], plan.Groups["default"].Targets.ToArray());
    }

    [Fact]
    public void ObjectValuesAreReachableByAttribute()
    {
        var plan = BakeTestFiles.Hcl("""
            target "s" {
              matrix = { svc = [{ n = "web", p = 80 }, { n = "api", p = 8080 }] }
              name = svc.n
              args = { PORT = svc.p }
            }
            """, ["api"]);
        Assert.Equal("8080", Assert.Single(plan.Targets).Value.GetMap(BakeFields.Args)["PORT"]);
    }

    [Fact]
    public void AnEmptyDimensionMakesNoTargets()
    {
        var ex = Assert.Throws<KilnException>(() => BakeTestFiles.Hcl("""
            target "e" {
              matrix = { v = [] }
              name = "e-${v}"
            }
            """, ["e"]));
        Assert.Equal(ErrorCodes.BakeUnknownTarget, ex.Code);
    }

    [Theory]
    [InlineData("matrix = [\"a\"]\n  name = \"x\"")]
    [InlineData("matrix = { v = \"a\" }\n  name = \"x-${v}\"")]
    [InlineData("matrix = { v = [\"a\", \"b\"] }")]
    [InlineData("name = \"renamed\"")]
    public void MalformedMatricesAreErrors(string body)
    {
        var ex = Assert.Throws<KilnException>(() => BakeTestFiles.Hcl($"target \"m\" {{\n  {body}\n}}\n", ["m"]));
        Assert.Equal(ErrorCodes.BakeInvalidMatrix, ex.Code);
        Assert.NotNull(ex.Span);
    }

    private static readonly SourceSpan Span = new("t.hcl", new(1, 1), new(1, 1));
}

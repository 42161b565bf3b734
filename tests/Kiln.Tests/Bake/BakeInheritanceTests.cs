using Kiln.Bake.Model;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

public class BakeInheritanceTests
{
    private const string Parents = """
        target "p1" {
          tags = ["t1"]
          cache-from = ["c1"]
          attest = ["type=sbom"]
          args = { A = "p1", B = "p1" }
          platforms = ["linux/amd64"]
        }
        target "p2" {
          tags = ["t2"]
          cache-from = ["c2"]
          attest = ["type=provenance", "type=sbom,generator=p2"]
          args = { B = "p2", C = null }
        }
        """;

    [Fact]
    public void LaterParentsOverrideEarlierOnesAndTheChildOverridesBoth()
    {
        var plan = BakeTestFiles.Hcl(Parents + "\n" + """
            target "c" {
              inherits = ["p1", "p2"]
              args = { A = null, D = "c" }
            }
            """, ["c"]);
        var c = plan.Targets["c"];
        Assert.Equal(["t2"], c.GetList(BakeFields.Tags).ToArray());
        Assert.Equal(["c1", "c2"], c.GetList(BakeFields.CacheFrom).ToArray());
        Assert.Equal(["type=sbom,generator=p2", "type=provenance"], c.GetList(BakeFields.Attest).ToArray());
        Assert.Equal(["linux/amd64"], c.GetList(BakeFields.Platforms).ToArray());
        var args = c.GetMap(BakeFields.Args);
        Assert.Equal(["A", "B", "D"], args.Keys.ToArray());
        Assert.Equal("p1", args["A"]);
        Assert.Equal("p2", args["B"]);
        Assert.Null(c.Get(BakeFields.Inherits));
    }

    [Fact]
    public void ReversedParentOrderReversesTheWinner()
    {
        var plan = BakeTestFiles.Hcl(Parents + "\ntarget \"c\" {\n  inherits = [\"p2\", \"p1\"]\n}\n", ["c"]);
        Assert.Equal(["t1"], plan.List("c", BakeFields.Tags));
        Assert.Equal(["c2", "c1"], plan.List("c", BakeFields.CacheFrom));
        Assert.Equal("p1", plan.Targets["c"].GetMap(BakeFields.Args)["B"]);
    }

    [Fact]
    public void ChainsResolveFromTheRoot()
    {
        var plan = BakeTestFiles.Hcl("""
            target "a" {
              context = "a"
              dockerfile = "a.Dockerfile"
            }
            target "b" {
              inherits = ["a"]
              context = "b"
            }
            target "c" {
              inherits = ["b"]
            }
            """, ["c"]);
        Assert.Equal("b", plan.Targets["c"].GetString(BakeFields.Context));
        Assert.Equal("a.Dockerfile", plan.Targets["c"].GetString(BakeFields.Dockerfile));
    }

    [Fact]
    public void DefaultsFillContextAndDockerfile()
    {
        var plan = BakeTestFiles.Hcl("target \"x\" {}\n", ["x"]);
        Assert.Equal(".", plan.Targets["x"].GetString(BakeFields.Context));
        Assert.Equal("Dockerfile", plan.Targets["x"].GetString(BakeFields.Dockerfile));
    }

    [Fact]
    public void ACycleIsCutWithAWarning()
    {
        var result = BakeTestFiles.Load(new Dictionary<string, string>
        {
            ["docker-bake.hcl"] = "target \"a\" {\n  inherits = [\"b\"]\n  tags = [\"a\"]\n}\ntarget \"b\" {\n  inherits = [\"a\"]\n  args = { X = \"1\" }\n}\n",
        }, ["a"]);
        Assert.Equal(["a"], result.Plan.List("a", BakeFields.Tags));
        Assert.Equal("1", result.Plan.Targets["a"].GetMap(BakeFields.Args)["X"]);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ErrorCodes.BakeInheritanceCycle, warning.Code);
    }

    public static TheoryData<string, string[]> MergeRules()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var field in BakeFields.All.Where(f => f.Kind == BakeFieldKind.List && f.Printed))
        {
            data.Add(field.Name, field.Merge == BakeMergeRule.Replace ? ["k=2"] : ["k=1", "k=2"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MergeRules))]
    public void EveryListFieldFollowsItsMergeRule(string name, string[] expected)
    {
        var field = BakeFields.Find(name)!;
        var parent = BakeTarget.Empty("p").With(field, new BakeList(["k=1"]));
        var child = BakeTarget.Empty("c").With(field, new BakeList(["k=2"]));
        var merged = parent.Merge(child).GetList(field).ToArray();
        if (field.Merge == BakeMergeRule.AppendAttest)
        {
            Assert.Equal(["k=1", "k=2"], merged); // no type=: kept as written
        }
        else
        {
            Assert.Equal(expected, merged);
        }
    }

    [Fact]
    public void TheTableHasEveryFieldOnceInPrintOrder()
    {
        var names = BakeFields.All.Select(f => f.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        string[] required =
        [
            "context", "contexts", "dockerfile", "dockerfile-inline", "target", "tags", "args", "labels", "annotations",
            "platforms", "output", "cache-from", "cache-to", "attest", "secret", "ssh", "no-cache", "no-cache-filter",
            "pull", "network", "entitlements", "shm-size", "ulimits", "call", "description", "matrix", "name", "inherits",
        ];
        Assert.Empty(required.Except(names));
        Assert.True(names.IndexOf("annotations") < names.IndexOf("context"));
        Assert.True(names.IndexOf("args") < names.IndexOf("tags"));
    }
}

using Kiln.Bake.Model;
using Kiln.Bake.Overrides;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

public class BakeOverrideTests
{
    private const string File = """
        target "base" {
          tags = ["base"]
          output = ["type=registry", "type=local,dest=x"]
        }
        target "app" {
          inherits = ["base"]
          attest = ["type=sbom"]
          args = { KEEP = "1" }
        }
        target "api" {
          tags = ["api"]
        }
        target "apple" {}
        """;

    private static readonly string[] Names = ["base", "app", "api", "apple"];

    public static TheoryData<string, string[]> Globs() => new()
    {
        { "app", ["app"] },
        { "*", ["base", "app", "api", "apple"] },
        { "ap*", ["app", "api", "apple"] },
        { "ap?", ["app", "api"] },
        { "a[pq]p*", ["app", "apple"] },
        { "[!a]*", ["app", "api", "apple"] },
        { "zz*", [] },
        { "[^a]*", ["base"] },
        { "b\\ase", ["base"] },
    };

    [Theory]
    [MemberData(nameof(Globs))]
    public void PatternsMatchLikeGoPathMatch(string pattern, string[] expected)
    {
        if (expected.Length == 0)
        {
            var ex = Assert.Throws<KilnException>(() => BakeOverrideSet.Match(pattern, Names));
            Assert.Equal(ErrorCodes.BakeOverrideNoMatch, ex.Code);
            return;
        }

        Assert.Equal(expected, BakeOverrideSet.Match(pattern, Names));
    }

    [Theory]
    [InlineData("app", "invalid override key")]
    [InlineData("app.tags", "expected target.name=value")]
    [InlineData("app.args=1", "requires name")]
    [InlineData("app.contexts=1", "requires name")]
    [InlineData("app.context+=x", "+=")]
    [InlineData("zzz.tags=x", "could not find")]
    public void BadFlagsAreRejectedWhenParsed(string flag, string hint)
    {
        var ex = Assert.Throws<KilnException>(() => BakeOverrideSet.Parse([flag], Names, new Dictionary<string, string>()));
        Assert.True(ex.Code == ErrorCodes.BakeInvalidOverride || ex.Code == ErrorCodes.BakeOverrideNoMatch);
        Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.unknown=1")]
    [InlineData("app.pull=maybe")]
    [InlineData("app.push=sometimes")]
    [InlineData("app.labels=x")]
    public void BadKeysAndValuesFailWhenApplied(string flag)
    {
        var ex = Assert.Throws<KilnException>(() => BakeTestFiles.Hcl(File, ["app"], [flag]));
        Assert.Equal(ErrorCodes.BakeInvalidOverride, ex.Code);
    }

    [Fact]
    public void ListItemsAccumulateAndReplace()
    {
        var plan = BakeTestFiles.Hcl(File, ["app"], ["app.tags=a", "app.tags=b"]);
        Assert.Equal(["a", "b"], plan.List("app", BakeFields.Tags));
    }

    [Fact]
    public void PlusEqualsAppendsToTheField()
    {
        var plan = BakeTestFiles.Hcl(File, ["app"], ["app.tags+=extra", "app.platform+=linux/arm64"]);
        Assert.Equal(["base", "extra"], plan.List("app", BakeFields.Tags));
        Assert.Equal(["linux/arm64"], plan.List("app", BakeFields.Platforms));
    }

    [Fact]
    public void AttestAppendsThenDedupesByType()
    {
        var plan = BakeTestFiles.Hcl(File, ["app"], ["app.attest=type=provenance", "app.attest=type=sbom,generator=g"]);
        Assert.Equal(["type=sbom,generator=g", "type=provenance"], plan.List("app", BakeFields.Attest));
    }

    [Fact]
    public void ArgsWithoutValueReadTheEnvironmentOrAreIgnored()
    {
        var env = new Dictionary<string, string> { ["FROM_ENV"] = "v" };
        var plan = BakeTestFiles.Hcl(File, ["app"], ["app.args.FROM_ENV", "app.args.MISSING"], env);
        var args = plan.Targets["app"].GetMap(BakeFields.Args);
        Assert.Equal("v", args["FROM_ENV"]);
        Assert.False(args.ContainsKey("MISSING"));
        Assert.Equal("1", args["KEEP"]);
    }

    [Fact]
    public void OverridesOfAParentReachItsChildrenAndPushAppliesPerLevel()
    {
        var plan = BakeTestFiles.Hcl(File, ["app", "api"], ["base.tags=parent", "*.push=true"]);
        Assert.Equal(["parent"], plan.List("app", BakeFields.Tags));
        Assert.Equal(["type=registry,push=true,push=true", "type=local,dest=x"], plan.List("app", BakeFields.Output));
        Assert.Equal(["type=image,push=true"], plan.List("api", BakeFields.Output));
    }

    [Fact]
    public void GoBoolSpellingsAreAccepted()
    {
        var plan = BakeTestFiles.Hcl(File, ["app", "api"], ["app.no-cache=T", "api.no-cache=0"]);
        Assert.True(plan.Targets["app"].GetBool(BakeFields.NoCache));
        Assert.False(plan.Targets["api"].GetBool(BakeFields.NoCache));
    }

    [Theory]
    [InlineData("true", "type=sbom,disabled=false")]
    [InlineData("0", "type=sbom,disabled=true")]
    [InlineData("generator=x", "type=sbom,generator=x")]
    public void ShorthandAttestationsAreCanonical(string value, string expected) =>
        Assert.Equal(expected, BakeShorthands.CanonicalAttest("sbom", value));

    [Fact]
    public void ShorthandsFollowTheUserFlags()
    {
        var flags = BakeShorthands.Expand(["a.tags=x"], push: true, load: false, noCache: true, pull: false, sbom: "true", provenance: null);
        Assert.Equal(["a.tags=x", "*.push=true", "*.no-cache=true", "*.pull=false", "*.attest=type=sbom,disabled=false"], flags.ToArray());
        var ex = Assert.Throws<KilnException>(() => BakeShorthands.Expand([], true, true, null, null, null, null));
        Assert.Equal(ErrorCodes.BakeInvalidFlag, ex.Code);
    }
}

using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>The <c># check=</c> directive and BUILDKIT_DOCKERFILE_CHECK: skip, error and experimental, parsed as BuildKit does.</summary>
public class CheckConfigTests
{
    public static TheoryData<string, string[], bool, bool> Valid() => new()
    {
        { "", [], false, false },
        { "skip=all", [], true, false },
        { "skip=JSONArgsRecommended", ["JSONArgsRecommended"], false, false },
        { " skip = A , B ", ["A", "B"], false, false },
        { "skip=A;error=true", ["A"], false, true },
        { "error=1", [], false, true },
        { "error=True;skip=all", [], true, true },
        { "error=false", [], false, false },
        { "error=F", [], false, false },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ParsesValidOptions(string text, string[] skip, bool skipAll, bool error)
    {
        var config = CheckConfig.Parse(text, null, out var diagnostic);
        Assert.Null(diagnostic);
        Assert.NotNull(config);
        Assert.Equal(skip.Order(), config.Skip.Order());
        Assert.Equal(skipAll, config.SkipAll);
        Assert.Equal(error, config.Error);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("error=yes")]
    [InlineData("unknown=1")]
    [InlineData("skip=A;bogus")]
    public void RejectsMalformedOptions(string text)
    {
        Assert.Null(CheckConfig.Parse(text, null, out var diagnostic));
        Assert.Equal(ErrorCodes.CheckInvalidOptions, diagnostic!.Code);
    }

    [Fact]
    public void ExperimentalRulesRunOnlyWhenNamedAndIgnoreSkip()
    {
        var config = CheckConfig.Parse("skip=all;experimental=CopyIgnoredFile", null, out _)!;
        Assert.True(config.IsEnabled(CheckRules.CopyIgnoredFile));
        Assert.False(config.IsEnabled(CheckRules.InvalidDefinitionDescription));
        Assert.False(config.IsEnabled(CheckRules.JSONArgsRecommended));
        Assert.False(CheckConfig.Default.IsEnabled(CheckRules.CopyIgnoredFile));
        Assert.True(CheckConfig.Parse("experimental=all", null, out _)!.IsEnabled(CheckRules.InvalidDefinitionDescription));
    }

    [Fact]
    public void NamingARuleExperimentalRemovesItFromTheSkipList()
    {
        var config = CheckConfig.Parse("skip=UndefinedVar,CopyIgnoredFile;experimental=CopyIgnoredFile", null, out _)!;
        Assert.DoesNotContain("CopyIgnoredFile", config.Skip);
        Assert.Contains("UndefinedVar", config.Skip);
    }

    [Fact]
    public void ErrorTrueTurnsWarningsIntoAViolationError()
    {
        var result = DockerfileChecker.Check("# check=error=true\nFROM scratch as base\nCMD echo hi\n");
        Assert.Equal(2, result.Warnings.Length);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.CheckViolation, error.Code);
        Assert.Contains("FromAsCasing, JSONArgsRecommended", error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorTrueWithoutWarningsPasses()
    {
        var result = DockerfileChecker.Check("# check=error=true\nFROM scratch\nCMD [\"a\"]\n");
        Assert.False(result.Failed);
    }

    [Fact]
    public void ErrorTrueWithEverySkippedPasses()
    {
        var result = DockerfileChecker.Check("# check=skip=all;error=true\nFROM scratch as base\nCMD echo hi\n");
        Assert.Empty(result.Warnings);
        Assert.False(result.Failed);
    }

    [Fact]
    public void BuildArgErrorTrueOverridesTheDirective()
    {
        var options = new CheckOptions { BuildArgs = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(CheckConfig.BuildArgName, "error=true") };
        var result = DockerfileChecker.Check("# check=skip=all\nFROM scratch\nCMD echo hi\n", "Dockerfile", options);
        Assert.Equal(ErrorCodes.CheckViolation, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void EmptyBuildArgClearsTheDirective()
    {
        var options = new CheckOptions { BuildArgs = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(CheckConfig.BuildArgName, "") };
        var result = DockerfileChecker.Check("# check=skip=all\nFROM scratch\nCMD echo hi\n", "Dockerfile", options);
        Assert.Equal("JSONArgsRecommended", Assert.Single(result.Warnings).RuleName);
    }

    [Fact]
    public void MalformedDirectiveIsAnErrorOnItsLine()
    {
        var result = DockerfileChecker.Check("# check=skip\nFROM scratch\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.CheckInvalidOptions, error.Code);
        Assert.Equal(1, error.Span!.Start.Line);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void CheckDirectiveBelowAnInstructionIsOnlyAComment()
    {
        var result = DockerfileChecker.Check("FROM scratch\n# check=skip=all\nCMD echo hi\n");
        Assert.Equal("JSONArgsRecommended", Assert.Single(result.Warnings).RuleName);
    }

    [Fact]
    public void ParseErrorsKeepParseTimeWarningsBeforeTheError()
    {
        var result = DockerfileChecker.Check("FROM scratch as base\nMAINTAINER me\nFOO bar\nCMD echo hi\n");
        Assert.True(result.Failed);
        Assert.Equal(ErrorCodes.DockerfileUnknownInstruction, result.Errors[0].Code);
        Assert.Equal(3, result.Errors[0].Span!.Start.Line);
        Assert.Equal(["FromAsCasing", "MaintainerDeprecated"], result.Warnings.Select(w => w.RuleName));
    }

    [Fact]
    public void ExpansionErrorInAStageIsAnError()
    {
        var result = DockerfileChecker.Check("FROM scratch\nWORKDIR ${X:?must be set}\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.ShellRequiredVariable, error.Code);
        Assert.Equal(2, error.Span!.Start.Line);
    }
}

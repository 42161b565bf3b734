using Kiln.Diagnostics;
using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>The buildx --check output: WARNING line with URL, message, File:LINE and the snippet with >>> markers.</summary>
public class CheckRendererTests
{
    [Theory]
    [InlineData("FromAsCasing", "from-as-casing")]
    [InlineData("JSONArgsRecommended", "json-args-recommended")]
    [InlineData("UndefinedArgInFrom", "undefined-arg-in-from")]
    [InlineData("FromPlatformFlagConstDisallowed", "from-platform-flag-const-disallowed")]
    [InlineData("SecretsUsedInArgOrEnv", "secrets-used-in-arg-or-env")]
    public void RuleUrlsUseKebabCase(string name, string kebab)
    {
        var rule = CheckRules.Find(name)!;
        Assert.Equal($"https://docs.docker.com/go/dockerfile/rule/{kebab}/", rule.Url);
    }

    [Fact]
    public void RendersOneLineWarningWithTwoLinesOfContext()
    {
        var result = DockerfileChecker.Check("FROM scratch\nCOPY a /a\nCOPY b /b\nENTRYPOINT /hello\nCOPY c /c\n");
        var expected = """

            WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/
            JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals
            Dockerfile:4
            --------------------
               2 |     COPY a /a
               3 |     COPY b /b
               4 | >>> ENTRYPOINT /hello
               5 |     COPY c /c
               6 |     
            --------------------

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), CheckRenderer.RenderWarnings(result));
    }

    [Fact]
    public void RendersMultiLineInstructionWithOneLineOfContext()
    {
        var result = DockerfileChecker.Check("FROM scratch\nENV A=1\nENV FOO \\\n    bar\nENV B=2\nENV C=3\n");
        var text = CheckRenderer.RenderWarnings(result);
        Assert.Contains("Dockerfile:3\n--------------------\n   2 |     ENV A=1\n   3 | >>> ENV FOO \\\n   4 | >>>     bar\n   5 |     ENV B=2\n--------------------\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningOnFirstLineShowsTwoLinesAfter()
    {
        var result = DockerfileChecker.Check("FROM scratch AS Base\nCOPY a /a\nCOPY b /b\nCOPY c /c\n", "build.Dockerfile");
        var text = CheckRenderer.RenderWarnings(result);
        Assert.Contains("build.Dockerfile:1\n--------------------\n   1 | >>> FROM scratch AS Base\n   2 |     COPY a /a\n   3 |     COPY b /b\n--------------------\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Check complete, no warnings found.\n")]
    [InlineData(1, "Check complete, 1 warning has been found!\n")]
    [InlineData(3, "Check complete, 3 warnings have been found!\n")]
    public void SummaryLineMatchesBuildx(int count, string expected) => Assert.Equal(expected, CheckRenderer.Summary(count));

    [Fact]
    public void WarningsAreOrderedByLine()
    {
        var result = DockerfileChecker.Check("FROM scratch\nCMD echo a\nWORKDIR rel\nENV K v\nfrom scratch as B\n");
        var lines = result.Warnings.Select(w => w.Span.Start.Line).ToList();
        Assert.Equal(lines.Order(), lines);
        Assert.Equal(new SourcePosition(5, 1), result.Warnings[^1].Span.Start);
    }

    [Fact]
    public void MessagesFollowBuildKitWording()
    {
        var result = DockerfileChecker.Check("ARG VERSION=1\nFROM busybox${VERSON} AS Build\nENV API_KEY=1\nWORKDIR app\n");
        var messages = result.Warnings.ToDictionary(w => w.RuleName, w => w.Message);
        Assert.Equal("FROM argument 'VERSON' is not declared (did you mean VERSION?)", messages["UndefinedArgInFrom"]);
        Assert.Equal("Stage name 'Build' should be lowercase", messages["StageNameCasing"]);
        Assert.Equal("Do not use ARG or ENV instructions for sensitive data (ENV \"API_KEY\")", messages["SecretsUsedInArgOrEnv"]);
        Assert.Equal("Relative workdir \"app\" can have unexpected results if the base image changes", messages["WorkdirRelativePath"]);
    }
}

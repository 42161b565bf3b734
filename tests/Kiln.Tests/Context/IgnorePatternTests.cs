using Kiln.Context;

namespace Kiln.Tests.Context;

public class IgnorePatternTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("a//b/", "a/b")]
    [InlineData("./a/./b", "a/b")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../a", "/a")]
    [InlineData("/", "/")]
    [InlineData("a/b/..", "a")]
    [InlineData("..", "..")]
    public void CleanFollowsGoPathClean(string input, string expected) => Assert.Equal(expected, SlashPath.Clean(input));

    [Theory]
    [InlineData("docs", "Exact")]
    [InlineData("a.b", "Exact")]
    [InlineData("dir/**", "Prefix")]
    [InlineData("**/dir", "Suffix")]
    [InlineData("**", "Suffix")]
    [InlineData("**/dir2/*", "Regex")]
    [InlineData("**/**", "Regex")]
    [InlineData("a\\b", "Regex")]
    [InlineData("a[b]", "Regex")]
    public void KindIsTheCheapestExactForm(string text, string kind)
    {
        Assert.True(IgnorePattern.TryCreate(text, 1, out var pattern, out _));
        Assert.Equal(kind, pattern!.Kind.ToString());
    }

    [Theory]
    [InlineData("**/dir2/*", "^(.*/)?dir2/[^/]*$")]
    [InlineData("**/**/*.txt", "^(.*/)?(.*/)?[^/]*\\.txt$")]
    [InlineData("a*/b", "^a[^/]*/b$")]
    [InlineData(".*", "^\\.[^/]*$")]
    [InlineData("[*]", "^[[^/]*]$")]
    public void GoExpressionIsBuildKits(string text, string expected) => Assert.Equal(expected, GoRegexTranslator.BuildGoRegex(text).GoRegex);

    [Theory]
    [InlineData("a[z-a]", false)]
    [InlineData("a\\q", false)]
    [InlineData("[[:nope:]]", false)]
    [InlineData("[[:upper:]]", true)]
    [InlineData("a\\.b", true)]
    public void ExpressionsGoRejectsAreErrors(string text, bool valid) =>
        Assert.Equal(valid, IgnorePattern.TryCreate(text, 1, out _, out _));

    [Theory]
    [InlineData("a;!a/b/c", "a", true)]
    [InlineData("a;!b", "a", false)]
    [InlineData("a", "a", false)]
    [InlineData("a;!a/b/*", "a/b", true)]
    [InlineData("a;!a/b/**", "a/c", false)]
    [InlineData("a;!*.md", "a", true)]
    [InlineData("a;!x\\.y", "a", true)]
    public void ExcludedDirectoryIsDescendedOnlyWhenAnExceptionCanReachInside(string patterns, string directory, bool descend)
    {
        var matcher = IgnoreMatcher.Create(patterns.Split(';'), out var errors);
        Assert.Empty(errors);
        Assert.Equal(descend, matcher.MustDescendExcluded(directory));
    }

    [Fact]
    public void BlankPatternsAreSkippedAndALoneBangIsAnError()
    {
        var matcher = IgnoreMatcher.Create(["", "  ", "a", "!"], out var errors);
        Assert.Single(matcher.Patterns);
        Assert.Single(errors);
    }
}

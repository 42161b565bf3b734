using Kiln.Build.Files;

namespace Kiln.Tests.Build.Files;

/// <summary>Go filepath.Match semantics for COPY wildcards.</summary>
public sealed class GoGlobTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "*.txt", "a.txt", true },
        { "*.txt", "dir/a.txt", false },
        { "*", "", true },
        { "a?c", "abc", true },
        { "a?c", "a/c", false },
        { "[abc].go", "b.go", true },
        { "[^abc].go", "b.go", false },
        { "[a-c]x", "cx", true },
        { "[a-c]x", "dx", false },
        { "dir/*/f", "dir/sub/f", true },
        { "dir/*/f", "dir/a/b/f", false },
        { "\\*", "*", true },
        { "\\*", "a", false },
        { "[unclosed", "u", false },
        { "a*b*c", "aXbYc", true },
        { "a*b*c", "aXbY", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesAsGoDoes(string pattern, string name, bool expected) => Assert.Equal(expected, GoGlob.Match(pattern, name));

    [Theory]
    [InlineData("a*", true)]
    [InlineData("a?", true)]
    [InlineData("[x]", true)]
    [InlineData("a\\*", false)]
    [InlineData("plain.txt", false)]
    public void DetectsWildcards(string name, bool expected) => Assert.Equal(expected, GoGlob.HasWildcards(name));
}

using Kiln.Build.Files;
using Kiln.Context;

namespace Kiln.Tests.Build.Files;

/// <summary>The entries a local source keeps for its include patterns.</summary>
public sealed class LocalSelectionTests
{
    private static readonly string[] Tree = ["a.txt", "b.md", "src", "src/main.c", "src/lib", "src/lib/x.c", "docs", "docs/r"];

    public static TheoryData<string[], string[]> Cases => new()
    {
        { [], Tree },
        { ["."], Tree },
        { ["*.txt"], ["a.txt"] },
        { ["src"], ["src", "src/main.c", "src/lib", "src/lib/x.c"] },
        { ["src/lib/x.c"], ["src", "src/lib", "src/lib/x.c"] },
        { ["/b.md", "docs"], ["b.md", "docs", "docs/r"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void KeepsMatchesAndTheirDirectories(string[] include, string[] expected)
    {
        var entries = Tree.Select(p => new ContextEntry(p, p.Contains('.', StringComparison.Ordinal) || p == "docs/r" ? ContextEntryKind.File : ContextEntryKind.Directory, default)).ToArray();

        var kept = LocalSelection.Filter([.. entries], [.. include]);

        Assert.Equal(expected, kept.Select(e => e.Path));
    }
}

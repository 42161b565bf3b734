using Kiln.Bake;
using Kiln.Diagnostics;

namespace Kiln.Tests.Bake;

/// <summary>
/// testdata/bake/invalid/&lt;case&gt;: bake files, <c>args</c> (requested targets), optional <c>env</c>,
/// <c>expected</c>: the code and file:line:column of the first error (or, for warnings, the first warning).
/// </summary>
public class BakeInvalidFileTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "testdata", "bake", "invalid");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Fact]
    public void ThereAreAtLeastTwentyInvalidFiles() => Assert.True(Cases().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsCodeAndPosition(string name)
    {
        var dir = Path.Combine(Root, name);
        var expected = File.ReadAllText(Path.Combine(dir, "expected")).Trim();
        var targets = File.ReadAllLines(Path.Combine(dir, "args")).Where(l => l.Length > 0).ToArray();
        var envPath = Path.Combine(dir, "env");
        var env = File.Exists(envPath)
            ? File.ReadAllLines(envPath).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..])
            : [];
        var request = new BakeRequest([], [.. targets], [], dir, env);
        Diagnostic diagnostic;
        try
        {
            var result = BakeLoader.Load(request);
            diagnostic = Assert.Single(result.Warnings);
        }
        catch (KilnException ex)
        {
            diagnostic = ex.Diagnostics.First(d => d.IsError);
        }

        Assert.NotNull(diagnostic.Span);
        Assert.Equal(expected, $"{diagnostic.Code} {diagnostic.Span}");
        Assert.True(diagnostic.Code.Number is >= 1800 and < 1900, diagnostic.ToString());
    }
}

using Kiln.Dockerfile.Stages;

namespace Kiln.Tests.Dockerfile;

/// <summary>Every testdata/dockerfile/parse/&lt;case&gt;/Dockerfile parses without errors into exactly ast.golden.</summary>
public class GoldenParseTests
{
    public static TheoryData<string> CaseNames() => [.. TestData.Cases("dockerfile/parse")];

    [Fact]
    public void ThereAreAtLeastEightyCases() => Assert.True(CaseNames().Count >= 80, $"only {CaseNames().Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ParsesToGolden(string name)
    {
        var dir = TestData.UpdateGolden ? TestData.SourceDir($"dockerfile/parse/{name}") : TestData.OutputDir($"dockerfile/parse/{name}");
        var text = File.ReadAllText(Path.Combine(dir, "Dockerfile"));
        var doc = DockerfileDocument.Load(text, "Dockerfile");
        Assert.False(doc.HasErrors, string.Join("\n", doc.Diagnostics));
        var actual = AstDump.Write(doc);
        var goldenPath = Path.Combine(dir, "ast.golden");
        if (TestData.UpdateGolden)
        {
            File.WriteAllText(goldenPath, actual);
            return;
        }

        Assert.True(File.Exists(goldenPath), $"missing {goldenPath}; run with KILN_UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }
}

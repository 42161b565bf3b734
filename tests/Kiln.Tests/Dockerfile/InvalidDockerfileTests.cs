using System.Globalization;
using Kiln.Diagnostics;
using Kiln.Dockerfile.Stages;

namespace Kiln.Tests.Dockerfile;

/// <summary>
/// Every testdata/dockerfile/invalid/&lt;case&gt;/Dockerfile fails: its "expected" file lists one
/// <c>KILNnnnn line</c> per error, and exactly those errors are reported (all in one run).
/// </summary>
public class InvalidDockerfileTests
{
    public static TheoryData<string> CaseNames() => [.. TestData.Cases("dockerfile/invalid")];

    [Fact]
    public void ThereAreAtLeastThirtyCases() => Assert.True(CaseNames().Count >= 30, $"only {CaseNames().Count} cases");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReportsExpectedErrors(string name)
    {
        var dir = TestData.OutputDir($"dockerfile/invalid/{name}");
        var text = File.ReadAllText(Path.Combine(dir, "Dockerfile"));
        var expected = File.ReadAllLines(Path.Combine(dir, "expected"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Trim())
            .ToList();
        var doc = DockerfileDocument.Load(text, "Dockerfile");
        var actual = doc.Diagnostics
            .Where(d => d.IsError)
            .Select(d => $"{d.Code} {(d.Span is null ? "-" : d.Span.Start.Line.ToString(CultureInfo.InvariantCulture))}")
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ErrorsRenderWithFileLineColumnAndMarker()
    {
        var text = "FROM scratch\nCOPY --bogus a b\nRUN true\n";
        var doc = DockerfileDocument.Load(text, "Dockerfile");
        var error = Assert.Single(doc.Diagnostics);
        Assert.Equal(ErrorCodes.DockerfileUnknownFlag, error.Code);
        Assert.Equal(new SourcePosition(2, 6), error.Span!.Start);
        var rendered = DiagnosticRenderer.Render(error, text);
        Assert.Contains("Dockerfile:2:6", rendered, StringComparison.Ordinal);
        Assert.Contains(" >>> 2 | COPY --bogus a b", rendered, StringComparison.Ordinal);
    }
}

using Kiln.Dockerfile.Checks;

namespace Kiln.Tests.Dockerfile.Checks;

/// <summary>The build-check table: each Dockerfile snippet yields exactly the expected rules on the expected lines.</summary>
public class CheckRuleTableTests
{
    private static readonly string TablePath = TestData.OutputDir("dockerfile/checks/rules.txt");

    public static TheoryData<CheckCase> Cases()
    {
        var data = new TheoryData<CheckCase>();
        foreach (var row in CheckCase.Load(TablePath))
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void TableHasAtLeastSixtyRowsCoveringEveryRule()
    {
        var rows = CheckCase.Load(TablePath).ToList();
        Assert.True(rows.Count >= 60, $"only {rows.Count} rows");
        Assert.Equal(rows.Count, rows.Select(r => r.Name).Distinct().Count());
        var covered = rows.SelectMany(r => r.Expected).Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();
        var missing = string.Join(", ", CheckRules.All.Select(r => r.Name).Where(n => !covered.Contains(n)));
        Assert.True(missing.Length == 0, $"rules without a row: {missing}");
    }

    [Fact]
    public void EveryRuleHasExactlyOneCheckInTheDispatchTable()
    {
        var names = DockerfileChecker.Table.Select(c => c.Rule.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(CheckRules.All.Select(r => r.Name).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(["CopyIgnoredFile", "InvalidDefinitionDescription"], CheckRules.All.Where(r => r.Experimental).Select(r => r.Name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsExactlyTheExpectedRulesAndLines(CheckCase row)
    {
        var result = DockerfileChecker.Check(row.Dockerfile, "Dockerfile", row.ToCheckOptions());
        Assert.Empty(result.Errors);
        var actual = result.Warnings.Select(w => $"{w.RuleName}:{w.Span.Start.Line}").Order(StringComparer.Ordinal);
        Assert.Equal(row.Expected.Order(StringComparer.Ordinal), actual);
        Assert.All(result.Warnings, w => Assert.StartsWith("https://docs.docker.com/go/dockerfile/rule/", w.Url, StringComparison.Ordinal));
    }
}

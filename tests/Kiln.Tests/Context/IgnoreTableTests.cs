using Kiln.Context;
using Kiln.Diagnostics;

namespace Kiln.Tests.Context;

public class IgnoreTableTests
{
    public static TheoryData<IgnoreTableRow> Rows()
    {
        var data = new TheoryData<IgnoreTableRow>();
        foreach (var row in IgnoreTableRow.Load())
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void TableHasAtLeast120Rows() => Assert.True(IgnoreTableRow.Load().Count >= 120);

    [Theory]
    [MemberData(nameof(Rows))]
    public void RowMatchesBuildKit(IgnoreTableRow row)
    {
        var matcher = DockerignoreReader.Parse(row.IgnoreFileText, ".dockerignore", out var diagnostics);
        if (row.IsError)
        {
            var error = Assert.Single(diagnostics);
            Assert.Equal(ErrorCodes.InvalidIgnorePattern, error.Code);
            Assert.Equal(row.ErrorLine, error.Span!.Start.Line);
            Assert.Equal(".dockerignore", error.Span.File);
            return;
        }

        Assert.Empty(diagnostics);
        Assert.Equal(row.Expected == "excluded", matcher.IsExcluded(row.Path));
    }
}

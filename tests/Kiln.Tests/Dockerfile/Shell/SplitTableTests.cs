using System.Text.Json;
using Kiln.Dockerfile.Shell;

namespace Kiln.Tests.Dockerfile.Shell;

/// <summary>Runs testdata/shell/split.txt: expansion followed by word splitting that honours quotes.</summary>
public class SplitTableTests
{
    private static readonly ShellTable Table = ShellTable.Load("split.txt", " => ");

    public static TheoryData<ShellTableRow> Rows()
    {
        var data = new TheoryData<ShellTableRow>();
        foreach (var row in Table.Rows)
        {
            data.Add(row);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void RowSplitsAsBuildKitDoes(ShellTableRow row)
    {
        var result = new ShellLexer(row.Escape).Process(row.Input, Table.Environment);
        if (row.ErrorCode is not null)
        {
            Assert.Equal(row.ErrorCode, result.Error?.Code.ToString());
            Assert.Empty(result.Words);
            return;
        }

        Assert.True(result.Succeeded, result.Error?.Summary);
        var expected = JsonSerializer.Deserialize(row.Expected, ShellTableJson.Default.StringArray)!;
        Assert.Equal(expected, result.Words);
    }

    [Fact]
    public void TableHasEnoughRows() => Assert.True(Table.Rows.Length >= 60, $"only {Table.Rows.Length} rows");
}

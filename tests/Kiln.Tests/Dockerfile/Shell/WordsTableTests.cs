using Kiln.Dockerfile.Shell;

namespace Kiln.Tests.Dockerfile.Shell;

/// <summary>Runs testdata/shell/words.txt: every row expands to its expected value or fails with its code.</summary>
public class WordsTableTests
{
    private static readonly ShellTable Table = ShellTable.Load("words.txt");

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
    public void RowExpandsAsBuildKitDoes(ShellTableRow row)
    {
        var result = new ShellLexer(row.Escape).Process(row.Input, Table.Environment);
        if (row.ErrorCode is not null)
        {
            Assert.False(result.Succeeded, $"expected {row.ErrorCode}, got \"{result.Value}\"");
            Assert.Equal(row.ErrorCode, result.Error!.Code.ToString());
            Assert.Equal(string.Empty, result.Value);
        }
        else
        {
            Assert.True(result.Succeeded, result.Error?.Summary);
            Assert.Equal(row.Expected, result.Value);
        }
    }

    [Fact]
    public void TableIsLargeAndCoversErrorsAndBothEscapeCharacters()
    {
        Assert.True(Table.Rows.Length >= 250, $"only {Table.Rows.Length} rows");
        Assert.True(Table.Rows.Count(r => r.ErrorCode is not null) >= 40);
        Assert.Contains(Table.Rows, r => r.Escape == '`');
        Assert.Equal(Table.Rows.Length, Table.Rows.Select(r => (r.Input, r.Escape)).Distinct().Count());
    }
}

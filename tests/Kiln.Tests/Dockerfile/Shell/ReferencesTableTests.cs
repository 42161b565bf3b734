using Kiln.Dockerfile.Shell;

namespace Kiln.Tests.Dockerfile.Shell;

/// <summary>Runs testdata/shell/references.txt: the set and unset names each expansion looked up.</summary>
public class ReferencesTableTests
{
    private static readonly ShellTable Table = ShellTable.Load("references.txt");

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
    public void RowReportsMatchedAndUnmatchedNames(ShellTableRow row)
    {
        // The loader split at the last '|': Input still ends with "|matched".
        var split = row.Input.LastIndexOf('|');
        var input = row.Input[..split];
        var result = ShellLexer.Default.Process(input, Table.Environment);
        Assert.True(result.Succeeded, result.Error?.Summary);
        Assert.Equal(Names(row.Input[(split + 1)..]), result.Matched);
        Assert.Equal(Names(row.Expected), result.Unmatched);
    }

    [Fact]
    public void FailedExpansionStillReportsWhatItLookedUp()
    {
        var result = ShellLexer.Default.Process("$FOO ${MISSING:?no}", Table.Environment);
        Assert.False(result.Succeeded);
        Assert.Equal<string>(["FOO"], result.Matched);
        Assert.Equal<string>(["MISSING"], result.Unmatched);
    }

    private static string[] Names(string list) => list.Length == 0 ? [] : list.Split(',');
}

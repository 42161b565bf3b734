namespace Kiln.Tests.Context;

/// <summary>One row of testdata/context/ignore.txt: the ignore-file lines, a path and the expected verdict.</summary>
public sealed record IgnoreTableRow(int Line, string[] Patterns, string Path, string Expected)
{
    public const string TablePath = "testdata/context/ignore.txt";

    public string IgnoreFileText => string.Join('\n', Patterns) + "\n";

    public bool IsError => Expected.StartsWith("error:", StringComparison.Ordinal);

    public int ErrorLine => int.Parse(Expected["error:".Length..], System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<IgnoreTableRow> Load(string path = TablePath)
    {
        var rows = new List<IgnoreTableRow>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line == "#")
            {
                continue;
            }

            var columns = line.Split(" | ");
            if (columns.Length != 3)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected PATTERNS | PATH | EXPECTED");
            }

            rows.Add(new IgnoreTableRow(i + 1, columns[0].Split(';'), columns[1], columns[2].Trim()));
        }

        return rows;
    }

    public override string ToString() => $"line {Line}: {string.Join(';', Patterns)} | {Path}";
}

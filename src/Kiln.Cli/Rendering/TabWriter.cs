using System.Text;

namespace Kiln.Cli.Rendering;

/// <summary>
/// Aligns tab-separated cells into columns the way Go's text/tabwriter does with minwidth 0, padding 1 and
/// space padding: a column's width is set per block of consecutive lines that have a cell in it, and the text
/// after a line's last tab is never padded. buildx prints its tables this way, so kiln's output matches it.
/// </summary>
internal sealed class TabWriter
{
    private const int Padding = 1;
    private readonly List<string[]> lines = [];
    private readonly List<int> widths = [];

    public void WriteLine(string line) => lines.Add(line.Split('\t'));

    /// <summary>Formats every line written since the last flush and forgets them.</summary>
    public string Flush()
    {
        var sb = new StringBuilder();
        Format(sb, 0, lines.Count);
        lines.Clear();
        widths.Clear();
        return sb.ToString();
    }

    private void Format(StringBuilder sb, int line0, int line1)
    {
        var column = widths.Count;
        for (var current = line0; current < line1; current++)
        {
            if (column >= lines[current].Length - 1)
            {
                continue;
            }

            WriteLines(sb, line0, current);
            line0 = current;
            var width = 0;
            for (; current < line1; current++)
            {
                var cells = lines[current];
                if (column >= cells.Length - 1)
                {
                    break;
                }

                width = Math.Max(width, cells[column].Length + Padding);
            }

            widths.Add(width);
            Format(sb, line0, current);
            widths.RemoveAt(widths.Count - 1);
            line0 = current;
            current--;
        }

        WriteLines(sb, line0, line1);
    }

    private void WriteLines(StringBuilder sb, int line0, int line1)
    {
        for (var i = line0; i < line1; i++)
        {
            var cells = lines[i];
            for (var j = 0; j < cells.Length; j++)
            {
                sb.Append(cells[j]);
                if (j < widths.Count && j < cells.Length - 1)
                {
                    sb.Append(' ', widths[j] - cells[j].Length);
                }
            }

            sb.Append('\n');
        }
    }
}

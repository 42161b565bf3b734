using System.Globalization;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// Prints check results the way <c>docker buildx build --check</c> does: a summary line, then per warning
/// <c>WARNING: Rule - URL</c>, the message, <c>File:LINE</c> and a snippet with the lines marked by <c>&gt;&gt;&gt;</c>.
/// </summary>
internal static class CheckRenderer
{
    private const string Rule = "--------------------";

    /// <summary>"Check complete, 1 warning has been found!" / "N warnings have been found!" / "no warnings found."</summary>
    public static string Summary(int count) => count switch
    {
        0 => "Check complete, no warnings found.\n",
        1 => "Check complete, 1 warning has been found!\n",
        _ => string.Create(CultureInfo.InvariantCulture, $"Check complete, {count} warnings have been found!\n"),
    };

    public static string RenderWarnings(CheckResult result)
    {
        var sb = new StringBuilder();
        foreach (var warning in result.Warnings)
        {
            sb.Append("\nWARNING: ").Append(warning.RuleName).Append(" - ").Append(warning.Url).Append('\n');
            sb.Append(warning.Message).Append('\n');
            AppendSource(sb, warning.Span, result.Text);
        }

        return sb.ToString();
    }

    /// <summary>
    /// BuildKit's source snippet: the file name and first line, then the marked lines padded with up to two
    /// lines of context on each side for a one-line range, one for a longer one.
    /// </summary>
    public static void AppendSource(StringBuilder sb, SourceSpan span, string text)
    {
        var lines = text.Split('\n');
        var start = span.Start.Line;
        var end = Math.Max(span.End.Line, start);
        if (start < 1 || start > lines.Length)
        {
            return;
        }

        end = Math.Min(end, lines.Length);
        var first = start;
        var last = end;
        var pad = end == start ? 4 : 2;
        for (var p = 0; p < pad; p++)
        {
            if (first > 1)
            {
                first--;
                p++;
            }

            if (last != lines.Length)
            {
                last++;
                p++;
            }
        }

        sb.Append(span.File).Append(':').Append(start.ToString(CultureInfo.InvariantCulture)).Append('\n').Append(Rule).Append('\n');
        for (var i = first; i <= last; i++)
        {
            var marker = i >= start && i <= end ? ">>>" : "   ";
            sb.Append(' ').Append(i.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(" | ").Append(marker).Append(' ')
                .Append(lines[i - 1].TrimEnd('\r')).Append('\n');
        }

        sb.Append(Rule).Append('\n');
    }
}

using System.Text;

namespace Kiln.Diagnostics;

/// <summary>Renders diagnostics as text with a source snippet, marking the failing lines with >>> as buildx does.</summary>
internal static class DiagnosticRenderer
{
    private const int ContextLines = 2;

    /// <summary>Formats one diagnostic; <paramref name="sourceText"/> is the whole file the span points into, if known.</summary>
    public static string Render(Diagnostic diagnostic, string? sourceText)
    {
        var sb = new StringBuilder();
        sb.Append(diagnostic.Severity == DiagnosticSeverity.Error ? "ERROR" : diagnostic.Severity.ToString().ToUpperInvariant());
        sb.Append(": ").Append(diagnostic.Code).Append(": ");
        if (diagnostic.Span is { } span)
        {
            sb.Append(span.File).Append(':').Append(span.Start.Line).Append(':').Append(span.Start.Column).Append(": ");
        }

        sb.Append(diagnostic.Summary);
        if (diagnostic.Detail is not null)
        {
            sb.Append(": ").Append(diagnostic.Detail);
        }

        sb.Append('\n');
        if (diagnostic.Span is { } s && sourceText is not null)
        {
            AppendSnippet(sb, s, sourceText);
        }

        return sb.ToString();
    }

    private static void AppendSnippet(StringBuilder sb, SourceSpan span, string sourceText)
    {
        var lines = sourceText.Split('\n');
        var first = Math.Max(1, span.Start.Line - ContextLines);
        var last = Math.Min(lines.Length, Math.Max(span.End.Line, span.Start.Line) + ContextLines);
        if (span.Start.Line < 1 || span.Start.Line > lines.Length)
        {
            return;
        }

        var width = last.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        sb.Append("------\n");
        for (var n = first; n <= last; n++)
        {
            var inSpan = n >= span.Start.Line && n <= Math.Max(span.End.Line, span.Start.Line);
            sb.Append(inSpan ? " >>> " : "     ");
            sb.Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
            sb.Append(" | ");
            sb.Append(lines[n - 1].TrimEnd('\r'));
            sb.Append('\n');
        }

        sb.Append("------\n");
    }
}

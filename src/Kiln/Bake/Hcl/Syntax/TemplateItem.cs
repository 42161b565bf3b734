using Kiln.Bake.Hcl.Expressions;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>One flat template item as read from tokens; strip markers and heredoc indentation are applied on lists of these.</summary>
internal sealed record TemplateItem(TemplateItemKind Kind, SourceSpan Span)
{
    public string Text { get; set; } = "";

    public Expression? Expression { get; init; }

    public string? KeyVariable { get; init; }

    public string? ValueVariable { get; init; }

    public bool StripLeft { get; init; }

    public bool StripRight { get; init; }

    /// <summary>True when this literal began a line of the heredoc.</summary>
    public bool StartsLine { get; init; }

    public static TemplateItem Literal(string text, SourceSpan span) => new(TemplateItemKind.Literal, span) { Text = text };

    /// <summary>
    /// For <c>&lt;&lt;-</c> heredocs: removes the smallest leading-space count of all lines from every line.
    /// Lines that are only whitespace do not count; a line starting with an interpolation counts as zero.
    /// </summary>
    public static void RemoveIndentation(List<TemplateItem> items)
    {
        var min = int.MaxValue;
        var atLineStart = true;
        var lineStarts = new List<TemplateItem>();
        foreach (var item in items)
        {
            if (atLineStart)
            {
                atLineStart = false;
                if (item.Kind == TemplateItemKind.Literal)
                {
                    var trimmed = item.Text.TrimStart();
                    if (trimmed.Length == 0 && item.Text.EndsWith('\n'))
                    {
                        // A blank line: not counted.
                    }
                    else
                    {
                        min = Math.Min(min, item.Text.Length - trimmed.Length);
                        lineStarts.Add(item);
                    }
                }
                else
                {
                    min = 0;
                }
            }

            if (item.Kind == TemplateItemKind.Literal && item.Text.EndsWith('\n'))
            {
                atLineStart = true;
            }
        }

        if (min == int.MaxValue)
        {
            return;
        }

        foreach (var item in lineStarts)
        {
            item.Text = item.Text[Math.Min(min, item.Text.Length)..];
        }
    }

    /// <summary>Applies <c>~</c>: trims whitespace from the literal before a left marker and after a right marker.</summary>
    public static void ApplyStripMarkers(List<TemplateItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Kind == TemplateItemKind.Literal)
            {
                continue;
            }

            if (item.StripLeft && i > 0 && items[i - 1].Kind == TemplateItemKind.Literal)
            {
                items[i - 1].Text = items[i - 1].Text.TrimEnd();
            }

            if (item.StripRight && i + 1 < items.Count && items[i + 1].Kind == TemplateItemKind.Literal)
            {
                items[i + 1].Text = items[i + 1].Text.TrimStart();
            }
        }
    }
}

using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// An instruction's text with continuation lines joined, remembering where each character came from
/// so that any offset maps back to a line and column of the file.
/// </summary>
internal sealed class LogicalLine
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, int Line, int Column)> _segments = [];
    private string? _cached;

    public LogicalLine(string file) => File = file;

    public string File { get; }

    public string Text => _cached ??= _text.ToString();

    public int Length => _text.Length;

    /// <summary>Appends <paramref name="text"/>, whose first character sits at <paramref name="line"/>:<paramref name="column"/>.</summary>
    public void Append(string text, int line, int column)
    {
        _segments.Add((_text.Length, line, column));
        _text.Append(text);
        _cached = null;
    }

    public SourcePosition PositionOf(int offset)
    {
        if (_segments.Count == 0)
        {
            return new SourcePosition(1, 1);
        }

        var lo = 0;
        var hi = _segments.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_segments[mid].Offset <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var seg = _segments[lo];
        return new SourcePosition(seg.Line, seg.Column + (offset - seg.Offset));
    }

    /// <summary>The span of characters [start, end); End is the column just past the last character.</summary>
    public SourceSpan SpanOf(int start, int end)
    {
        if (end <= start)
        {
            var p = PositionOf(start);
            return new SourceSpan(File, p, p);
        }

        var last = PositionOf(end - 1);
        return new SourceSpan(File, PositionOf(start), new SourcePosition(last.Line, last.Column + 1));
    }

    public Word WordOf(string text, int start, int end) => new(text, SpanOf(start, end));
}

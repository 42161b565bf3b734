using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>A cursor over source text that tracks 1-based line and column.</summary>
internal sealed class SourceReader
{
    private readonly string _text;
    private int _line = 1;
    private int _column = 1;

    public SourceReader(string text)
    {
        _text = text;
        Offset = text.StartsWith('\uFEFF') ? 1 : 0;
    }

    public int Offset { get; private set; }

    public bool AtEnd => Offset >= _text.Length;

    public SourcePosition Position => new(_line, _column);

    public char Current => Peek(0);

    public char Peek(int ahead) => Offset + ahead < _text.Length ? _text[Offset + ahead] : '\0';

    public bool StartsWith(string s) => string.CompareOrdinal(_text, Offset, s, 0, s.Length) == 0;

    /// <summary>True at a line ending: "\n" or "\r\n".</summary>
    public bool AtNewline => Current == '\n' || (Current == '\r' && Peek(1) == '\n');

    public string Slice(int start) => _text[start..Offset];

    public void Advance(int count = 1)
    {
        for (var i = 0; i < count && Offset < _text.Length; i++)
        {
            if (_text[Offset] == '\n')
            {
                _line++;
                _column = 1;
            }
            else if (!char.IsLowSurrogate(_text[Offset]))
            {
                _column++;
            }

            Offset++;
        }
    }

    /// <summary>Consumes a line ending ("\n" or "\r\n").</summary>
    public void AdvanceNewline() => Advance(Current == '\r' ? 2 : 1);

    /// <summary>The rest of the current line, without its line ending.</summary>
    public string RestOfLine()
    {
        var end = _text.IndexOf('\n', Offset);
        var line = end < 0 ? _text[Offset..] : _text[Offset..end];
        return line.EndsWith('\r') ? line[..^1] : line;
    }
}

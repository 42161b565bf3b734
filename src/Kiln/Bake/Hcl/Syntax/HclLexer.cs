using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>
/// Splits HCL native syntax into tokens. A stack of modes follows nesting: expressions, quoted templates,
/// heredoc templates and the interpolations inside them, so one flat token list describes the whole file.
/// </summary>
internal sealed class HclLexer
{
    private static readonly (string Text, TokenKind Kind)[] Operators =
    [
        ("...", TokenKind.Ellipsis), ("&&", TokenKind.And), ("||", TokenKind.Or), ("==", TokenKind.EqualEqual),
        ("!=", TokenKind.NotEqual), ("<=", TokenKind.LessEqual), (">=", TokenKind.GreaterEqual), ("=>", TokenKind.FatArrow),
        ("[", TokenKind.OpenBracket), ("]", TokenKind.CloseBracket), ("(", TokenKind.OpenParen), (")", TokenKind.CloseParen),
        (",", TokenKind.Comma), (".", TokenKind.Dot), ("=", TokenKind.Equals), ("?", TokenKind.Question), (":", TokenKind.Colon),
        ("+", TokenKind.Plus), ("-", TokenKind.Minus), ("*", TokenKind.Star), ("/", TokenKind.Slash), ("%", TokenKind.Percent),
        ("!", TokenKind.Bang), ("<", TokenKind.Less), (">", TokenKind.Greater), ("~", TokenKind.Tilde),
    ];

    private readonly SourceReader _reader;
    private readonly string _file;
    private readonly List<Token> _tokens = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Stack<LexContext> _stack = new();
    private readonly TemplateLiteralScanner _literals;

    private HclLexer(string text, string file)
    {
        _reader = new SourceReader(text);
        _file = file;
        _literals = new TemplateLiteralScanner(_reader, file, _diagnostics);
    }

    private enum Mode
    {
        Quoted,
        Heredoc,
        Interpolation,
        Brace,
        Bare,
    }

    /// <param name="startInTemplate">Lex the whole text as template content rather than configuration.</param>
    public static (ImmutableArray<Token> Tokens, ImmutableArray<Diagnostic> Diagnostics) Tokenize(string text, string file, bool startInTemplate = false)
    {
        var lexer = new HclLexer(text, file);
        if (startInTemplate)
        {
            lexer._stack.Push(new LexContext(Mode.Bare, new SourcePosition(1, 1)));
        }

        lexer.Run();
        return ([.. lexer._tokens], [.. lexer._diagnostics]);
    }

    private void Run()
    {
        while (true)
        {
            var mode = _stack.Count == 0 ? Mode.Brace : _stack.Peek().Mode;
            if (mode == Mode.Quoted)
            {
                ScanQuoted();
                continue;
            }

            if (mode == Mode.Heredoc)
            {
                ScanHeredoc();
                continue;
            }

            if (mode == Mode.Bare)
            {
                ScanBare();
                continue;
            }

            if (!ScanExpressionToken())
            {
                return;
            }
        }
    }

    private void Emit(TokenKind kind, SourcePosition start, string text, string? value = null) =>
        _tokens.Add(new Token(kind, text, value ?? text, start, _reader.Position));

    private void Error(ErrorCode code, string message, SourcePosition start) =>
        _diagnostics.Add(Diagnostic.Error(code, message, new SourceSpan(_file, start, _reader.Position)));

    private void ScanQuoted()
    {
        var start = _reader.Position;
        if (_reader.Current == '"')
        {
            _reader.Advance();
            _stack.Pop();
            Emit(TokenKind.CloseQuote, start, "\"");
            return;
        }

        if (TryOpenSequence(start))
        {
            return;
        }

        if (_reader.AtEnd || _reader.AtNewline)
        {
            Error(ErrorCodes.HclUnterminatedString, "Unterminated template string: a quoted string must end with \" on the same line", _stack.Peek().Start);
            _stack.Pop();
            Emit(TokenKind.CloseQuote, start, "");
            return;
        }

        var begin = _reader.Offset;
        var value = _literals.ScanQuoted();
        Emit(TokenKind.TemplateLiteral, start, _reader.Slice(begin), value);
    }

    private void ScanHeredoc()
    {
        var start = _reader.Position;
        var context = _stack.Peek();
        if (context.AtLineStart && _reader.RestOfLine().TrimStart(' ', '\t') == context.Marker)
        {
            var line = _reader.RestOfLine();
            _reader.Advance(line.Length);
            _stack.Pop();
            Emit(TokenKind.CloseHeredoc, start, line.Trim());
            return;
        }

        if (_reader.AtEnd)
        {
            Error(ErrorCodes.HclUnterminatedHeredoc, $"Unterminated heredoc: no closing marker \"{context.Marker}\" before the end of the file", context.Start);
            _stack.Pop();
            Emit(TokenKind.CloseHeredoc, start, "");
            return;
        }

        if (TryOpenSequence(start))
        {
            context.AtLineStart = false;
            return;
        }

        var begin = _reader.Offset;
        var value = _literals.ScanHeredocLine();
        context.AtLineStart = value.EndsWith('\n');
        Emit(TokenKind.TemplateLiteral, start, _reader.Slice(begin), value);
    }

    private void ScanBare()
    {
        var start = _reader.Position;
        if (_reader.AtEnd)
        {
            _stack.Pop();
            return;
        }

        if (TryOpenSequence(start))
        {
            return;
        }

        var begin = _reader.Offset;
        var value = _literals.ScanHeredocLine();
        Emit(TokenKind.TemplateLiteral, start, _reader.Slice(begin), value);
    }

    private bool TryOpenSequence(SourcePosition start)
    {
        if ((_reader.Current == '$' || _reader.Current == '%') && _reader.Peek(1) == '{')
        {
            var kind = _reader.Current == '$' ? TokenKind.TemplateInterpolation : TokenKind.TemplateControl;
            var text = _reader.Current == '$' ? "${" : "%{";
            _reader.Advance(2);
            _stack.Push(new LexContext(Mode.Interpolation, start));
            Emit(kind, start, text);
            return true;
        }

        return false;
    }

    private bool ScanExpressionToken()
    {
        SkipSpaceAndComments();
        var start = _reader.Position;
        if (_reader.AtEnd)
        {
            Emit(TokenKind.EndOfFile, start, "");
            return false;
        }

        var c = _reader.Current;
        if (_reader.AtNewline)
        {
            _reader.AdvanceNewline();
            Emit(TokenKind.Newline, start, "\n");
        }
        else if (c == '"')
        {
            _reader.Advance();
            _stack.Push(new LexContext(Mode.Quoted, start));
            Emit(TokenKind.OpenQuote, start, "\"");
        }
        else if (c == '<' && _reader.Peek(1) == '<' && (IsIdentifierStart(_reader.Peek(2)) || (_reader.Peek(2) == '-' && IsIdentifierStart(_reader.Peek(3)))))
        {
            ScanHeredocStart(start);
        }
        else if (c == '{')
        {
            _reader.Advance();
            _stack.Push(new LexContext(Mode.Brace, start));
            Emit(TokenKind.OpenBrace, start, "{");
        }
        else if (c == '}')
        {
            _reader.Advance();
            var top = _stack.Count > 0 ? _stack.Pop().Mode : Mode.Brace;
            Emit(top == Mode.Interpolation ? TokenKind.TemplateSequenceEnd : TokenKind.CloseBrace, start, "}");
        }
        else if (char.IsAsciiDigit(c))
        {
            ScanNumber(start);
        }
        else if (IsIdentifierStart(c))
        {
            var begin = _reader.Offset;
            while (IsIdentifierPart(_reader.Current))
            {
                _reader.Advance();
            }

            Emit(TokenKind.Identifier, start, _reader.Slice(begin));
        }
        else
        {
            ScanOperator(start);
        }

        return true;
    }

    private void ScanOperator(SourcePosition start)
    {
        foreach (var (text, kind) in Operators)
        {
            if (_reader.StartsWith(text))
            {
                _reader.Advance(text.Length);
                Emit(kind, start, text);
                return;
            }
        }

        var bad = _reader.Current.ToString();
        _reader.Advance();
        Error(ErrorCodes.HclInvalidCharacter, $"Invalid character \"{bad}\": this character is not used within the language", start);
        Emit(TokenKind.Invalid, start, bad);
    }

    private void ScanNumber(SourcePosition start)
    {
        var begin = _reader.Offset;
        while (char.IsAsciiDigit(_reader.Current))
        {
            _reader.Advance();
        }

        if (_reader.Current == '.' && char.IsAsciiDigit(_reader.Peek(1)))
        {
            _reader.Advance();
            while (char.IsAsciiDigit(_reader.Current))
            {
                _reader.Advance();
            }
        }

        if ((_reader.Current == 'e' || _reader.Current == 'E') &&
            (char.IsAsciiDigit(_reader.Peek(1)) || ((_reader.Peek(1) == '+' || _reader.Peek(1) == '-') && char.IsAsciiDigit(_reader.Peek(2)))))
        {
            _reader.Advance(2);
            while (char.IsAsciiDigit(_reader.Current))
            {
                _reader.Advance();
            }
        }

        Emit(TokenKind.Number, start, _reader.Slice(begin));
    }

    private void ScanHeredocStart(SourcePosition start)
    {
        var begin = _reader.Offset;
        _reader.Advance(2);
        var flush = _reader.Current == '-';
        if (flush)
        {
            _reader.Advance();
        }

        var markerStart = _reader.Offset;
        while (IsIdentifierPart(_reader.Current))
        {
            _reader.Advance();
        }

        var marker = _reader.Slice(markerStart);
        var text = _reader.Slice(begin);
        if (!_reader.AtNewline)
        {
            Error(ErrorCodes.HclInvalidHeredocMarker, "Invalid heredoc introducer: the marker must be followed by a newline", start);
            Emit(TokenKind.Invalid, start, text);
            return;
        }

        _reader.AdvanceNewline();
        _stack.Push(new LexContext(Mode.Heredoc, start) { Marker = marker, AtLineStart = true });
        Emit(TokenKind.OpenHeredoc, start, text, flush ? "-" + marker : marker);
    }

    private void SkipSpaceAndComments()
    {
        while (!_reader.AtEnd)
        {
            var c = _reader.Current;
            if (c is ' ' or '\t' || (c == '\r' && _reader.Peek(1) != '\n'))
            {
                _reader.Advance();
            }
            else if (c == '#' || (c == '/' && _reader.Peek(1) == '/'))
            {
                _reader.Advance(_reader.RestOfLine().Length);
            }
            else if (c == '/' && _reader.Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var start = _reader.Position;
        _reader.Advance(2);
        while (!_reader.AtEnd && !_reader.StartsWith("*/"))
        {
            _reader.Advance();
        }

        if (_reader.AtEnd)
        {
            Error(ErrorCodes.HclUnterminatedComment, "Unterminated comment: a /* comment must end with */", start);
            return;
        }

        _reader.Advance(2);
    }

    internal static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    internal static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

    private sealed class LexContext(Mode mode, SourcePosition start)
    {
        public Mode Mode { get; } = mode;

        public SourcePosition Start { get; } = start;

        public string Marker { get; init; } = "";

        public bool AtLineStart { get; set; }
    }
}

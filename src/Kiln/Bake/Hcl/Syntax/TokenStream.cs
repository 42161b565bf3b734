using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Syntax;

/// <summary>
/// The parser's view of the tokens: lookahead that skips newlines inside brackets and parentheses
/// (a stack of modes says where newlines matter), and diagnostics that never repeat a position.
/// </summary>
internal sealed class TokenStream
{
    private readonly ImmutableArray<Token> _tokens;
    private readonly Stack<bool> _ignoreNewlines = new();
    private readonly HashSet<SourcePosition> _reported = [];
    private int _index;

    public TokenStream(ImmutableArray<Token> tokens, string file, List<Diagnostic> diagnostics)
    {
        _tokens = tokens;
        File = file;
        Diagnostics = diagnostics;
        _ignoreNewlines.Push(false);
    }

    public string File { get; }

    public List<Diagnostic> Diagnostics { get; }

    public Token Previous { get; private set; }

    /// <summary>Looks ahead, skipping newlines when the current mode ignores them.</summary>
    public Token Peek(int ahead = 0)
    {
        var i = _index;
        while (true)
        {
            i = Skip(i);
            if (ahead == 0 || _tokens[i].Kind == TokenKind.EndOfFile)
            {
                return _tokens[i];
            }

            ahead--;
            i++;
        }
    }

    /// <summary>The next token exactly, newlines included, regardless of mode.</summary>
    public Token PeekRaw() => _tokens[_index];

    public Token Next()
    {
        _index = Skip(_index);
        var token = _tokens[_index];
        if (token.Kind != TokenKind.EndOfFile)
        {
            _index++;
        }

        Previous = token;
        return token;
    }

    public bool Accept(TokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        Next();
        return true;
    }

    public bool AcceptKeyword(string keyword)
    {
        if (Peek() is { Kind: TokenKind.Identifier } t && t.Text == keyword)
        {
            Next();
            return true;
        }

        return false;
    }

    /// <summary>Consumes the expected token, or reports an error and leaves the stream where it is.</summary>
    public bool Expect(TokenKind kind, string what)
    {
        if (Accept(kind))
        {
            return true;
        }

        var found = Peek();
        Error(ErrorCodes.HclUnexpectedToken, $"Missing {what}: expected {what}, found {Describe(found)}", Span(found));
        return false;
    }

    public void PushNewlines(bool ignore) => _ignoreNewlines.Push(ignore);

    public void PopNewlines() => _ignoreNewlines.Pop();

    public void SkipNewlines()
    {
        while (_tokens[_index].Kind == TokenKind.Newline)
        {
            _index++;
        }
    }

    public SourceSpan Span(Token token) => new(File, token.Start, token.End);

    /// <summary>From <paramref name="start"/> to the end of the last consumed token.</summary>
    public SourceSpan SpanFrom(SourcePosition start) => new(File, start, Previous.End.Line == 0 ? start : Previous.End);

    public void Error(ErrorCode code, string message, SourceSpan span)
    {
        if (_reported.Add(span.Start))
        {
            Diagnostics.Add(Diagnostic.Error(code, message, span));
        }
    }

    public static string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Newline => "newline",
        TokenKind.OpenQuote or TokenKind.CloseQuote => "quote",
        _ => $"\"{token.Text}\"",
    };

    /// <summary>
    /// Skips to the end of the current line at the current nesting depth, for recovery after a syntax error.
    /// Stops before a closing brace that would end the enclosing block.
    /// </summary>
    public void RecoverToLineEnd()
    {
        var depth = 0;
        while (true)
        {
            var token = _tokens[_index];
            switch (token.Kind)
            {
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.Newline when depth == 0:
                    return;
                case TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.CloseQuote
                    or TokenKind.CloseHeredoc or TokenKind.TemplateSequenceEnd:
                    if (depth == 0 && token.Kind == TokenKind.CloseBrace)
                    {
                        return;
                    }

                    depth = Math.Max(0, depth - 1);
                    break;
                case TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.OpenQuote
                    or TokenKind.OpenHeredoc or TokenKind.TemplateInterpolation or TokenKind.TemplateControl:
                    depth++;
                    break;
            }

            Previous = token;
            _index++;
        }
    }

    /// <summary>Skips tokens up to (not past) the closer of the construct we are inside, or the start of the next attribute.</summary>
    public void RecoverTo(TokenKind closer)
    {
        var depth = 0;
        while (true)
        {
            var token = _tokens[_index];
            if (token.Kind == TokenKind.EndOfFile || (depth == 0 && token.Kind == closer))
            {
                return;
            }

            // A newline followed by "name =" starts the next attribute: the closer is missing.
            if (depth == 0 && token.Kind == TokenKind.Newline && _index + 2 < _tokens.Length &&
                _tokens[_index + 1].Kind == TokenKind.Identifier && _tokens[_index + 2].Kind == TokenKind.Equals)
            {
                return;
            }

            if (token.Kind is TokenKind.OpenBrace or TokenKind.OpenBracket or TokenKind.OpenParen or TokenKind.OpenQuote
                or TokenKind.OpenHeredoc or TokenKind.TemplateInterpolation or TokenKind.TemplateControl)
            {
                depth++;
            }
            else if (token.Kind is TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.CloseParen or TokenKind.CloseQuote
                or TokenKind.CloseHeredoc or TokenKind.TemplateSequenceEnd)
            {
                if (depth == 0)
                {
                    return;
                }

                depth--;
            }

            Previous = token;
            _index++;
        }
    }

    /// <summary>True when one or more newlines come next and then <c>name =</c>: an unclosed bracket ran into the next attribute.</summary>
    public bool LooksLikeAttributeStart()
    {
        var i = _index;
        while (_tokens[i].Kind == TokenKind.Newline)
        {
            i++;
        }

        return i > _index && i + 1 < _tokens.Length && _tokens[i].Kind == TokenKind.Identifier && _tokens[i + 1].Kind == TokenKind.Equals;
    }

    /// <summary>Abandons the rest of the input (after an unrecoverable error).</summary>
    public void SkipToEnd()
    {
        while (_tokens[_index].Kind != TokenKind.EndOfFile)
        {
            _index++;
        }
    }

    private int Skip(int i)
    {
        if (_ignoreNewlines.Peek())
        {
            while (_tokens[i].Kind == TokenKind.Newline)
            {
                i++;
            }
        }

        return i;
    }
}

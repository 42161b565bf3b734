using System.Collections.Immutable;
using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// One expansion run over one word: a character scanner with BuildKit's rules for quotes, escapes and
/// <c>$</c>; the <c>${name...}</c> operators are applied by <see cref="ParameterExpansion"/>.
/// </summary>
internal sealed class ShellWordProcessor
{
    public const int Eof = -1;

    private readonly ShellLexer _lexer;
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ImmutableArray<string>.Builder _matched = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _unmatched = ImmutableArray.CreateBuilder<string>();
    private int _position;
    private bool _rawEscapes;

    public ShellWordProcessor(ShellLexer lexer, string text, IReadOnlyDictionary<string, string> environment)
    {
        _lexer = lexer;
        _text = text;
        _environment = environment;
        _rawEscapes = lexer.RawEscapes;
    }

    public ImmutableArray<string> Matched => _matched.ToImmutable();

    public ImmutableArray<string> Unmatched => _unmatched.ToImmutable();

    public ShellLexer Lexer => _lexer;

    public int Position => _position;

    public (string Value, ImmutableArray<string> Words) ProcessAll() => ProcessUntil(Eof, _rawEscapes);

    public int Peek()
    {
        if (_position >= _text.Length)
        {
            return Eof;
        }

        Rune.DecodeFromUtf16(_text.AsSpan(_position), out var rune, out _);
        return rune.Value;
    }

    public int Next()
    {
        if (_position >= _text.Length)
        {
            return Eof;
        }

        Rune.DecodeFromUtf16(_text.AsSpan(_position), out var rune, out var consumed);
        _position += consumed;
        return rune.Value;
    }

    /// <summary>Processes up to (and consuming) <paramref name="stop"/>, or to the end when it is <see cref="Eof"/>.</summary>
    public (string Value, ImmutableArray<string> Words) ProcessUntil(int stop, bool rawEscapes)
    {
        var saved = _rawEscapes;
        _rawEscapes = rawEscapes;
        try
        {
            return ProcessUntilCore(stop);
        }
        finally
        {
            _rawEscapes = saved;
        }
    }

    /// <summary>Looks a name up, recording whether it was set for the UndefinedVar check.</summary>
    public bool TryLookup(string name, out string value)
    {
        if (_environment.TryGetValue(name, out var found))
        {
            if (!_matched.Contains(name))
            {
                _matched.Add(name);
            }

            value = found;
            return true;
        }

        if (!_unmatched.Contains(name))
        {
            _unmatched.Add(name);
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Reads a variable name: letters, digits and '_', a run of digits, or one special parameter.</summary>
    public string ReadName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            var ch = new Rune(Peek());
            if (name.Length == 0 && Rune.IsDigit(ch))
            {
                while (Peek() != Eof && Rune.IsDigit(new Rune(Peek())))
                {
                    name.Append(new Rune(Next()).ToString());
                }

                return name.ToString();
            }

            if (name.Length == 0 && IsSpecialParameter(ch.Value))
            {
                return new Rune(Next()).ToString();
            }

            if (!Rune.IsLetter(ch) && !Rune.IsDigit(ch) && ch.Value != '_')
            {
                break;
            }

            name.Append(new Rune(Next()).ToString());
        }

        return name.ToString();
    }

    private static bool IsSpecialParameter(int ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    private static string Text(int ch) => ch == Eof ? "\uFFFD" : new Rune(ch).ToString();

    private (string Value, ImmutableArray<string> Words) ProcessUntilCore(int stop)
    {
        var result = new StringBuilder();
        var words = new WordAccumulator();
        var quotes = !_lexer.SkipProcessQuotes;
        while (Peek() != Eof)
        {
            var ch = Peek();
            if (stop != Eof && ch == stop)
            {
                Next();
                return (result.ToString(), words.ToWords());
            }

            if (ch == '$')
            {
                var expanded = ParameterExpansion.Expand(this);
                result.Append(expanded);
                words.Add(expanded);
                continue;
            }

            if (quotes && ch is '\'' or '"')
            {
                var quoted = ch == '\'' ? ProcessSingleQuote() : ProcessDoubleQuote();
                result.Append(quoted);
                words.AddRaw(quoted);
                continue;
            }

            ch = Next();
            if (ch == _lexer.EscapeToken)
            {
                if (_rawEscapes)
                {
                    words.AddRaw(new Rune(ch));
                    result.Append(Text(ch));
                }

                ch = Next();
                if (ch == Eof)
                {
                    break;
                }

                words.AddRaw(new Rune(ch));
            }
            else
            {
                words.Add(new Rune(ch));
            }

            result.Append(Text(ch));
        }

        if (stop != Eof)
        {
            throw new ShellExpansionException(
                ErrorCodes.ShellMissingBrace,
                $"unexpected end of statement while looking for matching {Text(stop)}",
                _position);
        }

        return (result.ToString(), words.ToWords());
    }

    private string ProcessSingleQuote()
    {
        var start = _position;
        var result = new StringBuilder();
        var ch = Next();
        if (_lexer.RawQuotes)
        {
            result.Append(Text(ch));
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                throw new ShellExpansionException(
                    ErrorCodes.ShellUnterminatedSingleQuote,
                    "unexpected end of statement while looking for matching single-quote",
                    start);
            }

            if (ch == '\'')
            {
                if (_lexer.RawQuotes)
                {
                    result.Append(Text(ch));
                }

                return result.ToString();
            }

            result.Append(Text(ch));
        }
    }

    private string ProcessDoubleQuote()
    {
        var start = _position;
        var result = new StringBuilder();
        var ch = Next();
        if (_lexer.RawQuotes)
        {
            result.Append(Text(ch));
        }

        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    throw new ShellExpansionException(
                        ErrorCodes.ShellUnterminatedDoubleQuote,
                        "unexpected end of statement while looking for matching double-quote",
                        start);
                case '"':
                    ch = Next();
                    if (_lexer.RawQuotes)
                    {
                        result.Append(Text(ch));
                    }

                    return result.ToString();
                case '$':
                    result.Append(ParameterExpansion.Expand(this));
                    break;
                default:
                    ch = Next();
                    if (ch == _lexer.EscapeToken)
                    {
                        if (_rawEscapes)
                        {
                            result.Append(Text(ch));
                        }

                        var following = Peek();
                        if (following == Eof)
                        {
                            continue;
                        }

                        if (following == '"' || following == '$' || following == _lexer.EscapeToken)
                        {
                            ch = Next();
                        }
                    }

                    result.Append(Text(ch));
                    break;
            }
        }
    }
}

using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// Expands shell words the way BuildKit's Dockerfile frontend does: quotes, escapes and
/// <c>$name</c> / <c>${name...}</c> substitutions, yielding one string and the whitespace-split words.
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. The flags mirror BuildKit's lexer switches:
/// <see cref="RawQuotes"/> keeps quote characters in the output, <see cref="RawEscapes"/> keeps escape
/// characters, <see cref="SkipProcessQuotes"/> treats quotes as ordinary characters (heredoc bodies) and
/// <see cref="SkipUnsetEnv"/> leaves references to unset variables as written.
/// </remarks>
internal sealed record ShellLexer
{
    public ShellLexer(char escapeToken = '\\')
    {
        EscapeToken = escapeToken;
    }

    /// <summary>The lexer for Dockerfiles without an <c># escape=</c> directive.</summary>
    public static ShellLexer Default { get; } = new();

    /// <summary>The escape character: <c>\</c> by default, <c>`</c> under <c># escape=`</c>.</summary>
    public char EscapeToken { get; }

    public bool RawQuotes { get; init; }

    public bool RawEscapes { get; init; }

    public bool SkipProcessQuotes { get; init; }

    public bool SkipUnsetEnv { get; init; }

    /// <summary>Creates the lexer for an escape directive value; only <c>\</c> and <c>`</c> are accepted.</summary>
    public static ShellLexer ForEscapeDirective(string value, SourceSpan? span = null) => value switch
    {
        "\\" => Default,
        "`" => new ShellLexer('`'),
        _ => throw new KilnException(
            ErrorCodes.ShellInvalidEscapeToken,
            $"invalid escape token '{value}' does not match ` or \\",
            span),
    };

    /// <summary>
    /// Expands <paramref name="word"/> against <paramref name="environment"/> (names compare ordinally,
    /// as on Linux). Never throws on user input: a syntax or <c>${name:?}</c> error is in <see cref="ExpansionResult.Error"/>.
    /// </summary>
    public ExpansionResult Process(string word, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(environment);
        var processor = new ShellWordProcessor(this, word, environment);
        try
        {
            var (value, words) = processor.ProcessAll();
            return new ExpansionResult(value, words, processor.Matched, processor.Unmatched, null);
        }
        catch (ShellExpansionException ex)
        {
            var error = new ExpansionError(ex.Code, ex.Message, word, ex.Offset);
            return new ExpansionResult(string.Empty, [], processor.Matched, processor.Unmatched, error);
        }
    }

    /// <summary>Expands one word (an ENV, ARG or LABEL value, a path, a user name, ...) or throws <see cref="KilnException"/>.</summary>
    public string ProcessWord(string word, IReadOnlyDictionary<string, string> environment, SourceSpan? span = null) =>
        Process(word, environment).ValueOrThrow(span);

    /// <summary>Expands and splits into words honouring quotes (EXPOSE's word list), or throws <see cref="KilnException"/>.</summary>
    public ImmutableArray<string> ProcessWords(string word, IReadOnlyDictionary<string, string> environment, SourceSpan? span = null) =>
        Process(word, environment).WordsOrThrow(span);
}

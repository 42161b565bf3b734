using System.Text.RegularExpressions;

namespace Kiln.Context;

/// <summary>
/// One cleaned ignore pattern, matched against a whole slash-separated path relative to the context root,
/// exactly as BuildKit's pattern matcher does: literal patterns compare by string, <c>dir/**</c> by prefix,
/// <c>**/name</c> by suffix, anything else through a regular expression anchored at both ends.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex? _regex;

    private IgnorePattern(string text, bool isException, int line, IgnorePatternKind kind, Regex? regex)
    {
        Text = text;
        IsException = isException;
        Line = line;
        Kind = kind;
        _regex = regex;
    }

    /// <summary>The cleaned pattern without its leading <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>True for a <c>!pattern</c> line, which re-includes what earlier patterns excluded.</summary>
    public bool IsException { get; }

    /// <summary>1-based line in the ignore file, or 0 when the pattern did not come from a file.</summary>
    public int Line { get; }

    public IgnorePatternKind Kind { get; }

    /// <summary>
    /// Parses one pattern the way BuildKit's matcher does: trims, cleans, strips a leading <c>!</c> and checks
    /// Go glob syntax. Returns false with a reason for a malformed pattern; a blank pattern yields null.
    /// </summary>
    public static bool TryCreate(string raw, int line, out IgnorePattern? pattern, out string error)
    {
        pattern = null;
        error = "";
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        text = SlashPath.Clean(text);
        var isException = text[0] == '!';
        if (isException)
        {
            if (text.Length == 1)
            {
                error = "illegal exclusion pattern \"!\"";
                return false;
            }

            text = text[1..];
        }

        var syntaxError = GlobSyntax.Validate(text);
        if (syntaxError is not null)
        {
            error = $"invalid pattern \"{text}\": {syntaxError}";
            return false;
        }

        var translation = GoRegexTranslator.Translate(text);
        if (translation.Error is not null)
        {
            error = $"invalid pattern \"{text}\": {translation.Error}";
            return false;
        }

        Regex? regex = null;
        if (translation.Kind == IgnorePatternKind.Regex)
        {
            try
            {
                regex = new Regex(translation.Regex, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                error = $"invalid pattern \"{text}\": not a valid expression";
                return false;
            }
        }

        pattern = new IgnorePattern(text, isException, line, translation.Kind, regex);
        return true;
    }

    /// <summary>Whether this pattern matches <paramref name="path"/> itself (no parent-directory rule).</summary>
    public bool Matches(string path)
    {
        switch (Kind)
        {
            case IgnorePatternKind.Exact:
                return path == Text;
            case IgnorePatternKind.Prefix:
                return path.StartsWith(Text.AsSpan(0, Text.Length - 2), StringComparison.Ordinal);
            case IgnorePatternKind.Suffix:
                var suffix = Text.AsSpan(2);
                if (path.AsSpan().EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }

                // "**/foo" also matches "foo" at the root.
                return suffix.Length > 0 && suffix[0] == '/' && path.AsSpan().SequenceEqual(suffix[1..]);
            default:
                return _regex!.IsMatch(path);
        }
    }

    /// <summary>
    /// The pattern without a trailing <c>/**</c> or <c>/*</c>; BuildKit uses it to decide whether an excluded
    /// directory can hold anything an exception re-includes.
    /// </summary>
    public string TextWithoutTrailingGlob()
    {
        var text = Text;
        if (text.EndsWith("/**", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        if (text.EndsWith("/*", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        return text;
    }

    public override string ToString() => IsException ? "!" + Text : Text;
}

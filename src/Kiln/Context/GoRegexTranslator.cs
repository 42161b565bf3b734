using System.Text;

namespace Kiln.Context;

/// <summary>
/// Turns a cleaned ignore pattern into BuildKit's match form in two steps: first the same Go (RE2) expression
/// BuildKit's matcher writes, character for character (so its quirks, such as <c>*</c> inside brackets, carry
/// over), then <see cref="Re2Converter"/> rewrites that expression for .NET with the same meaning.
/// </summary>
internal static class GoRegexTranslator
{
    public static GoRegexTranslation Translate(string pattern)
    {
        var (kind, goRegex) = BuildGoRegex(pattern);
        if (kind != IgnorePatternKind.Regex)
        {
            return new GoRegexTranslation(kind, "", null);
        }

        var converted = Re2Converter.Convert(goRegex, out var error);
        return error is null
            ? new GoRegexTranslation(kind, converted, null)
            : new GoRegexTranslation(kind, "", error);
    }

    /// <summary>The kind and the RE2 expression BuildKit's matcher derives from a pattern.</summary>
    public static (IgnorePatternKind Kind, string GoRegex) BuildGoRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        var kind = IgnorePatternKind.Exact;
        var i = 0;
        for (var step = 0; i < pattern.Length; step++)
        {
            var ch = pattern[i++];
            if (ch == '*' && i < pattern.Length && pattern[i] == '*')
            {
                i++;
                if (i < pattern.Length && pattern[i] == '/')
                {
                    i++;
                }

                if (i == pattern.Length)
                {
                    if (kind == IgnorePatternKind.Exact)
                    {
                        kind = IgnorePatternKind.Prefix;
                    }
                    else
                    {
                        regex.Append(".*");
                        kind = IgnorePatternKind.Regex;
                    }
                }
                else
                {
                    regex.Append("(.*/)?");
                    kind = IgnorePatternKind.Regex;
                }

                if (step == 0)
                {
                    kind = IgnorePatternKind.Suffix;
                }
            }
            else if (ch == '*')
            {
                regex.Append("[^/]*");
                kind = IgnorePatternKind.Regex;
            }
            else if (ch == '?')
            {
                regex.Append("[^/]");
                kind = IgnorePatternKind.Regex;
            }
            else if (ch is '.' or '+' or '(' or ')' or '|' or '{' or '}' or '$')
            {
                regex.Append('\\').Append(ch);
            }
            else if (ch == '\\')
            {
                if (i < pattern.Length)
                {
                    regex.Append('\\');
                    AppendRune(regex, pattern, ref i);
                    kind = IgnorePatternKind.Regex;
                }
                else
                {
                    regex.Append('\\');
                }
            }
            else if (ch is '[' or ']')
            {
                regex.Append(ch);
                kind = IgnorePatternKind.Regex;
            }
            else
            {
                regex.Append(ch);
            }
        }

        return (kind, regex.Append('$').ToString());
    }

    private static void AppendRune(StringBuilder regex, string text, ref int i)
    {
        regex.Append(text[i++]);
        if (char.IsHighSurrogate(text[i - 1]) && i < text.Length && char.IsLowSurrogate(text[i]))
        {
            regex.Append(text[i++]);
        }
    }
}

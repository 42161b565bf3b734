using System.Text;
using System.Text.RegularExpressions;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Finds the here-document openers (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>2&lt;&lt;"EOF"</c>) among the
/// shell words of an instruction line, in order.
/// </summary>
internal static partial class HeredocDetector
{
    public static List<(string Name, bool Expand, bool Chomp, int FileDescriptor)> Detect(string line)
    {
        var found = new List<(string, bool, bool, int)>();
        if (!line.Contains("<<", StringComparison.Ordinal))
        {
            return found;
        }

        foreach (var raw in RawWords(line))
        {
            var match = OpenerRegex().Match(raw);
            if (!match.Success || match.Groups[3].Length == 0)
            {
                continue;
            }

            var rest = match.Groups[3].Value;
            var (cooked, parts) = Unquote(rest);
            if (parts != 1)
            {
                continue;
            }

            var fd = 0;
            if (match.Groups[1].Length > 0 && !int.TryParse(match.Groups[1].Value, out fd))
            {
                fd = 0;
            }

            var quoted = CountQuotes(rest) != CountQuotes(cooked);
            found.Add((cooked, !quoted, match.Groups[2].Value == "-", fd));
        }

        return found;
    }

    private static int CountQuotes(string s) => s.Count(c => c is '\'' or '"');

    /// <summary>Splits at unquoted whitespace, keeping quotes and backslashes.</summary>
    private static IEnumerable<string> RawWords(string line)
    {
        var word = new StringBuilder();
        var quote = '\0';
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quote == '\0' && char.IsWhiteSpace(ch))
            {
                if (inWord)
                {
                    yield return word.ToString();
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            word.Append(ch);
            if (ch == '\\' && quote != '\'' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (quote == '\0' && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = '\0';
            }
        }

        if (inWord)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Removes quotes and backslash escapes; also returns how many words the text forms.</summary>
    private static (string Text, int Words) Unquote(string s)
    {
        var sb = new StringBuilder();
        var quote = '\0';
        var words = s.Length > 0 ? 1 : 0;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (quote == '\0' && char.IsWhiteSpace(ch))
            {
                words++;
                continue;
            }

            if (ch == '\\' && quote != '\'' && i + 1 < s.Length)
            {
                sb.Append(s[++i]);
            }
            else if (quote == '\0' && ch is '\'' or '"')
            {
                quote = ch;
            }
            else if (ch == quote)
            {
                quote = '\0';
            }
            else
            {
                sb.Append(ch);
            }
        }

        return (sb.ToString(), words);
    }

    [GeneratedRegex(@"^(\d*)<<(-?)([^<]*)$")]
    private static partial Regex OpenerRegex();
}

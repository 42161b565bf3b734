using System.Collections.Immutable;
using System.Text;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// A <c>${a#pattern}</c> / <c>${a/pattern/r}</c> glob: <c>*</c> any run, <c>?</c> one character, <c>\</c>
/// escapes <c>* ? \</c> (and is dropped before <c>}</c> or <c>/</c>); no bracket expressions.
/// </summary>
/// <remarks>
/// BuildKit turns the glob into a Go regular expression, so matching follows Go's leftmost-first rule
/// and neither wildcard crosses a newline. This matcher reproduces that with a memoised depth-first
/// search over (pattern, text) positions, linear in their product, without building a regex.
/// </remarks>
internal sealed class ShellPattern
{
    private const int Star = -2;
    private const int Any = -3;

    private readonly ImmutableArray<int> _tokens;
    private readonly bool _greedy;
    private readonly bool _anchored;

    private ShellPattern(ImmutableArray<int> tokens, bool greedy, bool anchored)
    {
        _tokens = tokens;
        _greedy = greedy;
        _anchored = anchored;
    }

    public static bool TryCompile(string pattern, bool greedy, bool anchored, out ShellPattern compiled, out string problem)
    {
        var tokens = ImmutableArray.CreateBuilder<int>();
        var runes = ToRunes(pattern);
        for (var i = 0; i < runes.Length; i++)
        {
            var ch = runes[i];
            if (ch == '*' || ch == '?')
            {
                tokens.Add(ch == '*' ? Star : Any);
                continue;
            }

            if (ch == '\\')
            {
                var next = i + 1 < runes.Length ? runes[i + 1] : -1;
                if (next is '}' or '/')
                {
                    continue;
                }

                if (next is not ('*' or '?' or '\\'))
                {
                    compiled = null!;
                    problem = next < 0 ? "invalid escape '\\' at end of pattern" : $"invalid escape '\\{new Rune(next)}'";
                    return false;
                }

                i++;
                ch = next;
            }

            tokens.Add(ch);
        }

        compiled = new ShellPattern(tokens.ToImmutable(), greedy, anchored);
        problem = string.Empty;
        return true;
    }

    /// <summary>Matches at the start of <paramref name="text"/>; returns the end of the match or -1.</summary>
    public int MatchPrefix(int[] text) => MatchAt(text, 0);

    public string ReplaceFirst(string value, string replacement)
    {
        var text = ToRunes(value);
        var (start, end) = Find(text, 0);
        return start < 0 ? value : FromRunes(text, 0, start) + replacement + FromRunes(text, end, text.Length);
    }

    /// <summary>Replaces every non-overlapping match like Go's ReplaceAllString, expanding <c>$0</c> templates.</summary>
    public string ReplaceAll(string value, string template)
    {
        var text = ToRunes(value);
        var output = new StringBuilder();
        var lastMatchEnd = 0;
        var searchPos = 0;
        while (searchPos <= text.Length)
        {
            var (start, end) = Find(text, searchPos);
            if (start < 0)
            {
                break;
            }

            output.Append(FromRunes(text, lastMatchEnd, start));
            if (end > lastMatchEnd || start == 0)
            {
                output.Append(ReplacementTemplate.Expand(template, FromRunes(text, start, end)));
            }

            lastMatchEnd = end;
            var width = searchPos < text.Length ? 1 : 0;
            if (searchPos + width > end)
            {
                searchPos += width;
            }
            else if (searchPos + 1 > end)
            {
                searchPos++;
            }
            else
            {
                searchPos = end;
            }
        }

        output.Append(FromRunes(text, lastMatchEnd, text.Length));
        return output.ToString();
    }

    /// <summary>Reverses a pattern for suffix matching, keeping each backslash before the character it escapes.</summary>
    public static string ReversePattern(string pattern)
    {
        var runes = ToRunes(pattern);
        var output = new int[runes.Length];
        var last = runes.Length - 1;
        for (var i = 0; i <= last;)
        {
            var outIndex = last - i;
            if (runes[i] == '\\' && i != last)
            {
                output[outIndex - 1] = runes[i];
                output[outIndex] = runes[i + 1];
                i += 2;
            }
            else
            {
                output[outIndex] = runes[i];
                i++;
            }
        }

        return FromRunes(output, 0, output.Length);
    }

    public static int[] ToRunes(string text)
    {
        var runes = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune.Value);
        }

        return [.. runes];
    }

    public static string FromRunes(int[] runes, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            sb.Append(new Rune(runes[i]).ToString());
        }

        return sb.ToString();
    }

    private (int Start, int End) Find(int[] text, int from)
    {
        var lastStart = _anchored ? Math.Min(from, 0) : text.Length;
        for (var start = from; start <= lastStart; start++)
        {
            var end = MatchAt(text, start);
            if (end >= 0)
            {
                return (start, end);
            }
        }

        return (-1, -1);
    }

    /// <summary>Depth-first search in Go's priority order; a state reached twice already failed the first time.</summary>
    private int MatchAt(int[] text, int start)
    {
        var width = text.Length + 1;
        var visited = new bool[(_tokens.Length + 1) * width];
        var stack = new Stack<(int Token, int Text)>();
        stack.Push((0, start));
        while (stack.Count > 0)
        {
            var (ti, xi) = stack.Pop();
            var key = (ti * width) + xi;
            if (visited[key])
            {
                continue;
            }

            visited[key] = true;
            if (ti == _tokens.Length)
            {
                return xi;
            }

            var token = _tokens[ti];
            var canConsume = xi < text.Length && text[xi] != '\n';
            if (token == Star)
            {
                // Pushed in reverse priority: the preferred branch is popped first.
                if (_greedy)
                {
                    stack.Push((ti + 1, xi));
                    if (canConsume)
                    {
                        stack.Push((ti, xi + 1));
                    }
                }
                else
                {
                    if (canConsume)
                    {
                        stack.Push((ti, xi + 1));
                    }

                    stack.Push((ti + 1, xi));
                }
            }
            else if (token == Any ? canConsume : xi < text.Length && text[xi] == token)
            {
                stack.Push((ti + 1, xi + 1));
            }
        }

        return -1;
    }
}

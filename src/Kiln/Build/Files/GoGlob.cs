namespace Kiln.Build.Files;

/// <summary>
/// Go's <c>filepath.Match</c>: <c>*</c> matches any run of non-slash characters, <c>?</c> one non-slash character,
/// <c>[...]</c> a class (ranges, <c>^</c> negation) and a backslash escapes the next character. A malformed pattern matches nothing.
/// </summary>
internal static class GoGlob
{
    /// <summary>Whether <paramref name="name"/> has glob metacharacters (an escaped one does not count).</summary>
    public static bool HasWildcards(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\')
            {
                i++;
            }
            else if (name[i] is '*' or '?' or '[')
            {
                return true;
            }
        }

        return false;
    }

    public static bool Match(string pattern, string name) => Match(pattern.AsSpan(), name.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        while (pattern.Length > 0)
        {
            if (pattern[0] == '*')
            {
                var rest = pattern.TrimStart('*');
                if (rest.Length == 0)
                {
                    return !name.Contains('/');
                }

                for (var i = 0; i <= name.Length; i++)
                {
                    if (Match(rest, name[i..]))
                    {
                        return true;
                    }

                    if (i < name.Length && name[i] == '/')
                    {
                        return false;
                    }
                }

                return false;
            }

            if (name.Length == 0)
            {
                return false;
            }

            switch (pattern[0])
            {
                case '?':
                    if (name[0] == '/')
                    {
                        return false;
                    }

                    pattern = pattern[1..];
                    break;
                case '[':
                    if (name[0] == '/' || !MatchClass(ref pattern, name[0]))
                    {
                        return false;
                    }

                    break;
                case '\\':
                    if (pattern.Length < 2 || pattern[1] != name[0])
                    {
                        return false;
                    }

                    pattern = pattern[2..];
                    break;
                default:
                    if (pattern[0] != name[0])
                    {
                        return false;
                    }

                    pattern = pattern[1..];
                    break;
            }

            name = name[1..];
        }

        return name.Length == 0;
    }

    // Consumes one class from the front of the pattern; false when c is not in it or the class is malformed.
    private static bool MatchClass(ref ReadOnlySpan<char> pattern, char c)
    {
        var i = 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var matched = false;
        var first = true;
        while (true)
        {
            if (i >= pattern.Length)
            {
                return false;
            }

            if (pattern[i] == ']' && !first)
            {
                i++;
                break;
            }

            first = false;
            if (!ReadClassChar(pattern, ref i, out var low))
            {
                return false;
            }

            var high = low;
            if (i < pattern.Length && pattern[i] == '-' && i + 1 < pattern.Length && pattern[i + 1] != ']')
            {
                i++;
                if (!ReadClassChar(pattern, ref i, out high))
                {
                    return false;
                }
            }

            if (low <= c && c <= high)
            {
                matched = true;
            }
        }

        pattern = pattern[i..];
        return matched != negated;
    }

    private static bool ReadClassChar(ReadOnlySpan<char> pattern, ref int i, out char c)
    {
        c = pattern[i];
        if (c == '\\')
        {
            if (i + 1 >= pattern.Length)
            {
                return false;
            }

            c = pattern[i + 1];
            i += 2;
            return true;
        }

        i++;
        return true;
    }
}

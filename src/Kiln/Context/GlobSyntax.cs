using System.Text;

namespace Kiln.Context;

/// <summary>
/// The syntax check Go's <c>filepath.Match</c> performs: character classes must be closed, non-empty and
/// well-formed, and a backslash must escape something. BuildKit rejects an ignore pattern that fails it.
/// </summary>
internal static class GlobSyntax
{
    /// <summary>Returns null when <paramref name="pattern"/> is well-formed, else what is wrong with it.</summary>
    public static string? Validate(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return "trailing backslash escapes nothing";
                    }

                    i += 1 + RuneLength(pattern, i + 1);
                    break;
                case '[':
                    var error = ValidateClass(pattern, ref i);
                    if (error is not null)
                    {
                        return error;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return null;
    }

    // i points at '['; on success it moves past the closing ']'.
    private static string? ValidateClass(string pattern, ref int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        var ranges = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
            {
                i++;
                return null;
            }

            if (!ClassChar(pattern, ref i))
            {
                return "malformed character class";
            }

            if (pattern[i] == '-')
            {
                i++;
                if (!ClassChar(pattern, ref i))
                {
                    return "malformed character class range";
                }
            }

            ranges++;
        }
    }

    // One (possibly escaped) character of a class; something must follow it for the class to be closable.
    private static bool ClassChar(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] is '-' or ']')
        {
            return false;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }

        i += RuneLength(pattern, i);
        return i < pattern.Length;
    }

    private static int RuneLength(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed) == System.Buffers.OperationStatus.Done ? consumed : 1;
}

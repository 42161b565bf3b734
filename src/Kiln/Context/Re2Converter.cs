using System.Text;

namespace Kiln.Context;

/// <summary>
/// Rewrites the subset of RE2 syntax that BuildKit's ignore-pattern expressions can contain into an equivalent
/// .NET expression: RE2's class rules (a leading <c>]</c> is literal, <c>[</c> inside a class is literal,
/// POSIX <c>[:name:]</c>), its ASCII-only Perl classes, and <c>$</c> as end of text. Escapes RE2 would reject
/// (back-references, <c>\Z</c>) and the rarely used octal, hex and Unicode-property escapes are reported.
/// </summary>
internal static class Re2Converter
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z",
        ["alpha"] = "A-Za-z",
        ["ascii"] = "\\x00-\\x7F",
        ["blank"] = "\\t ",
        ["cntrl"] = "\\x00-\\x1F\\x7F",
        ["digit"] = "0-9",
        ["graph"] = "!-~",
        ["lower"] = "a-z",
        ["print"] = " -~",
        ["punct"] = "!-/:-@\\[-`{-~",
        ["space"] = "\\t\\n\\v\\f\\r ",
        ["upper"] = "A-Z",
        ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    public static string Convert(string re2, out string? error)
    {
        var output = new StringBuilder(re2.Length + 8);
        error = null;
        var i = 0;
        while (i < re2.Length && error is null)
        {
            var c = re2[i++];
            switch (c)
            {
                case '\\':
                    error = Escape(output, re2, ref i, inClass: false);
                    break;
                case '[':
                    error = Class(output, re2, ref i);
                    break;
                case '$':
                    output.Append("\\z");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        return error is null ? output.ToString() : "";
    }

    // i is just past '['.
    private static string? Class(StringBuilder output, string re2, ref int i)
    {
        // RE2 matches code points; a negated class must take a whole surrogate pair as one character.
        var negated = i < re2.Length && re2[i] == '^';
        output.Append(negated ? "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^" : "[");
        if (negated)
        {
            i++;
        }

        var first = true;
        while (i < re2.Length && (re2[i] != ']' || first))
        {
            first = false;
            if (re2[i] == '[' && i + 1 < re2.Length && re2[i + 1] == ':')
            {
                var end = re2.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (end >= 0)
                {
                    var name = re2[(i + 2)..end];
                    if (!PosixClasses.TryGetValue(name, out var ranges))
                    {
                        return $"unsupported character class [:{name}:]";
                    }

                    output.Append(ranges);
                    i = end + 2;
                    continue;
                }
            }

            if (!ClassChar(output, re2, ref i, out var error))
            {
                return error;
            }

            if (i + 1 < re2.Length && re2[i] == '-' && re2[i + 1] != ']')
            {
                output.Append('-');
                i++;
                if (!ClassChar(output, re2, ref i, out error))
                {
                    return error;
                }
            }
        }

        if (i >= re2.Length)
        {
            return "missing closing ]";
        }

        output.Append(negated ? "])" : "]");
        i++;
        return null;
    }

    private static bool ClassChar(StringBuilder output, string re2, ref int i, out string? error)
    {
        error = null;
        var c = re2[i++];
        if (c == '\\')
        {
            error = Escape(output, re2, ref i, inClass: true);
            return error is null;
        }

        // Characters .NET treats specially inside a class but RE2 does not.
        output.Append(c is '[' or ']' or '-' or '^' ? "\\" + c : c.ToString());
        return true;
    }

    // i is just past the backslash.
    private static string? Escape(StringBuilder output, string re2, ref int i, bool inClass)
    {
        if (i >= re2.Length)
        {
            return "trailing backslash";
        }

        var c = re2[i++];
        if (c < 0x80 && !char.IsAsciiLetterOrDigit(c))
        {
            output.Append('\\').Append(c);
            return null;
        }

        var perl = c switch
        {
            'd' or 'D' => "0-9",
            'w' or 'W' => "0-9A-Za-z_",
            's' or 'S' => "\\t\\n\\f\\r ",
            _ => null,
        };
        if (perl is not null)
        {
            var negated = char.IsUpper(c);
            if (inClass && negated)
            {
                return $"\\{c} inside a character class is not supported";
            }

            output.Append(inClass ? perl : negated ? $"[^{perl}]" : $"[{perl}]");
            return null;
        }

        if (c is 't' or 'n' or 'r' or 'f' or 'v' or 'a' || (!inClass && c is 'A' or 'z' or 'b' or 'B'))
        {
            output.Append('\\').Append(c);
            return null;
        }

        return $"unsupported escape \\{c}";
    }
}

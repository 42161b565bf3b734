using System.Text;
using Kiln.Diagnostics;

namespace Kiln.Bake.Compose;

/// <summary>
/// Compose variable interpolation: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>,
/// <c>${VAR:+alt}</c>, <c>${VAR+alt}</c>, <c>${VAR:?error}</c>, <c>${VAR?error}</c> and <c>$$</c> for a dollar.
/// </summary>
internal sealed class ComposeInterpolator(IReadOnlyDictionary<string, string> environment)
{
    public string Interpolate(string text, SourceSpan? span)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != '$' || i + 1 >= text.Length)
            {
                sb.Append(c);
                i++;
            }
            else if (text[i + 1] == '$')
            {
                sb.Append('$');
                i += 2;
            }
            else if (text[i + 1] == '{')
            {
                var end = Closing(text, i + 2);
                if (end < 0)
                {
                    throw new KilnException(ErrorCodes.BakeComposeInterpolation, $"invalid interpolation format for \"{text}\": missing closing brace", span);
                }

                sb.Append(Braced(text[(i + 2)..end], span));
                i = end + 1;
            }
            else if (IsNameStart(text[i + 1]))
            {
                var start = i + 1;
                var end = start;
                while (end < text.Length && IsNameChar(text[end]))
                {
                    end++;
                }

                sb.Append(environment.GetValueOrDefault(text[start..end]) ?? "");
                i = end;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    private string Braced(string inner, SourceSpan? span)
    {
        var n = 0;
        while (n < inner.Length && IsNameChar(inner[n]))
        {
            n++;
        }

        var name = inner[..n];
        if (name.Length == 0)
        {
            throw new KilnException(ErrorCodes.BakeComposeInterpolation, $"invalid interpolation format for \"${{{inner}}}\"", span);
        }

        var rest = inner[n..];
        var set = environment.TryGetValue(name, out var value);
        var colon = rest.StartsWith(':');
        var op = colon ? rest[1..] : rest;
        var usable = colon ? set && value!.Length > 0 : set;
        if (rest.Length == 0)
        {
            return value ?? "";
        }

        return op.Length == 0 ? throw Invalid(inner, span) : op[0] switch
        {
            '-' => usable ? value! : Interpolate(op[1..], span),
            '+' => usable ? Interpolate(op[1..], span) : "",
            '?' => usable ? value! : throw new KilnException(ErrorCodes.BakeComposeInterpolation, $"required variable {name} is missing a value: {op[1..]}", span),
            _ => throw Invalid(inner, span),
        };
    }

    private static KilnException Invalid(string inner, SourceSpan? span) =>
        new(ErrorCodes.BakeComposeInterpolation, $"invalid interpolation format for \"${{{inner}}}\"", span);

    private static int Closing(string text, int from)
    {
        var depth = 1;
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] == '{')
            {
                depth++;
            }
            else if (text[j] == '}' && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

using System.Text;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// Expands the replacement of <c>${a//p/r}</c> as Go's Regexp.ReplaceAllString does: <c>$0</c> and
/// <c>${0}</c> are the match, <c>$$</c> is a dollar, other names are empty (the glob has no groups),
/// and a malformed reference stays literal.
/// </summary>
internal static class ReplacementTemplate
{
    public static string Expand(string template, string match)
    {
        var output = new StringBuilder();
        var rest = template;
        while (true)
        {
            var dollar = rest.IndexOf('$', StringComparison.Ordinal);
            if (dollar < 0)
            {
                break;
            }

            output.Append(rest, 0, dollar);
            rest = rest[(dollar + 1)..];
            if (rest.Length > 0 && rest[0] == '$')
            {
                output.Append('$');
                rest = rest[1..];
                continue;
            }

            if (!TryExtract(rest, out var name, out var after))
            {
                output.Append('$');
                continue;
            }

            rest = after;
            if (name == "0")
            {
                output.Append(match);
            }
        }

        output.Append(rest);
        return output.ToString();
    }

    /// <summary>Reads <c>name</c> or <c>{name}</c>, name being letters, digits and '_'.</summary>
    private static bool TryExtract(string text, out string name, out string rest)
    {
        name = string.Empty;
        rest = text;
        var braced = text.StartsWith('{');
        var body = braced ? text[1..] : text;
        var length = 0;
        foreach (var rune in body.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune) && !Rune.IsDigit(rune) && rune.Value != '_')
            {
                break;
            }

            length += rune.Utf16SequenceLength;
        }

        if (length == 0)
        {
            return false;
        }

        if (braced)
        {
            if (length >= body.Length || body[length] != '}')
            {
                return false;
            }

            rest = body[(length + 1)..];
        }
        else
        {
            rest = body[length..];
        }

        name = body[..length];
        return true;
    }
}

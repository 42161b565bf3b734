using System.Collections.Immutable;
using System.Text;

namespace Kiln.Registry.Auth;

/// <summary>
/// Parses WWW-Authenticate header values (RFC 9110 §11.6.1): a comma-separated list of challenges, each a
/// scheme followed by a token68 or by name=value parameters whose values are tokens or quoted strings.
/// </summary>
internal static class AuthChallengeParser
{
    private const int MaxHeaderLength = 16 * 1024;

    /// <summary>Parses one or more header values; on failure returns false with a description of what is wrong.</summary>
    public static bool TryParse(IEnumerable<string> headerValues, out ImmutableArray<AuthChallenge> challenges, out string error)
    {
        var all = ImmutableArray.CreateBuilder<AuthChallenge>();
        foreach (var value in headerValues)
        {
            if (!TryParse(value, out var some, out error))
            {
                challenges = [];
                return false;
            }

            all.AddRange(some);
        }

        challenges = all.ToImmutable();
        error = challenges.IsEmpty ? "no challenge" : "";
        return !challenges.IsEmpty;
    }

    public static bool TryParse(string header, out ImmutableArray<AuthChallenge> challenges, out string error)
    {
        challenges = [];
        if (header.Length > MaxHeaderLength)
        {
            error = $"header is longer than {MaxHeaderLength} characters";
            return false;
        }

        var cursor = new Cursor(header);
        var result = ImmutableArray.CreateBuilder<AuthChallenge>();
        while (true)
        {
            cursor.SkipSpacesAndCommas();
            if (cursor.AtEnd)
            {
                break;
            }

            var scheme = cursor.ReadToken();
            if (scheme.Length == 0)
            {
                error = $"expected an authentication scheme at offset {cursor.Position}, found '{cursor.Peek}'";
                return false;
            }

            if (!TryParseParameters(ref cursor, out var parameters, out var token68, out error))
            {
                return false;
            }

            result.Add(new AuthChallenge(scheme.ToLowerInvariant(), parameters) { Token68 = token68 });
        }

        if (result.Count == 0)
        {
            error = "the header is empty";
            return false;
        }

        challenges = result.ToImmutable();
        error = "";
        return true;
    }

    private static bool TryParseParameters(ref Cursor cursor, out ImmutableDictionary<string, string> parameters, out string? token68, out string error)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        parameters = builder.ToImmutable();
        token68 = null;
        error = "";
        cursor.SkipSpaces();
        if (cursor.AtEnd || cursor.Peek == ',')
        {
            return true;
        }

        if (!cursor.StartsParameter())
        {
            token68 = cursor.ReadToken68();
            cursor.SkipSpaces();
            if (token68.Length == 0 || !(cursor.AtEnd || cursor.Peek == ','))
            {
                error = $"unexpected '{cursor.Peek}' at offset {cursor.Position}";
                return false;
            }

            return true;
        }

        while (cursor.StartsParameter())
        {
            var name = cursor.ReadToken();
            cursor.SkipSpaces();
            cursor.Advance();
            cursor.SkipSpaces();
            string value;
            if (cursor.Peek == '"')
            {
                if (!cursor.TryReadQuoted(out value, out error))
                {
                    return false;
                }
            }
            else
            {
                value = cursor.ReadValueToken();
            }

            var key = name.ToLowerInvariant();
            if (!builder.TryAdd(key, value))
            {
                error = $"parameter \"{key}\" appears twice";
                return false;
            }

            cursor.SkipSpaces();
            if (cursor.AtEnd)
            {
                break;
            }

            if (cursor.Peek != ',')
            {
                error = $"expected ',' at offset {cursor.Position} after parameter \"{key}\", found '{cursor.Peek}'";
                return false;
            }

            cursor.SkipSpacesAndCommas();
        }

        parameters = builder.ToImmutable();
        return true;
    }

    private struct Cursor(string text)
    {
        public int Position { get; set; }

        public readonly bool AtEnd => Position >= text.Length;

        public readonly char Peek => AtEnd ? '\0' : text[Position];

        public void Advance() => Position++;

        public void SkipSpaces()
        {
            while (!AtEnd && text[Position] is ' ' or '\t')
            {
                Position++;
            }
        }

        public void SkipSpacesAndCommas()
        {
            while (!AtEnd && text[Position] is ' ' or '\t' or ',')
            {
                Position++;
            }
        }

        public string ReadToken() => ReadWhile(IsTokenChar);

        /// <summary>True when the text at the cursor is "name =" followed by a value (a quote or a value character).</summary>
        public readonly bool StartsParameter()
        {
            var probe = this;
            if (probe.ReadToken().Length == 0)
            {
                return false;
            }

            probe.SkipSpaces();
            if (probe.Peek != '=')
            {
                return false;
            }

            probe.Advance();
            probe.SkipSpaces();
            return probe.Peek == '"' || (!probe.AtEnd && probe.Peek is not ('=' or ',') && probe.ReadValueToken().Length > 0);
        }

        public string ReadToken68()
        {
            var body = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '+' or '/');
            return body.Length == 0 ? body : body + ReadWhile(c => c == '=');
        }

        /// <summary>An unquoted value: a token, also allowing the '/' and ':' that token68 and careless servers use.</summary>
        public string ReadValueToken() => ReadWhile(c => IsTokenChar(c) || c is '/' or ':' or '=' or '@');

        public bool TryReadQuoted(out string value, out string error)
        {
            var open = Position;
            Position++;
            var sb = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[Position++];
                if (c == '"')
                {
                    value = sb.ToString();
                    error = "";
                    return true;
                }

                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        break;
                    }

                    c = text[Position++];
                }

                if (char.IsControl(c) && c != '\t')
                {
                    value = "";
                    error = $"control character in quoted string at offset {Position - 1}";
                    return false;
                }

                sb.Append(c);
            }

            value = "";
            error = $"unterminated quoted string starting at offset {open}";
            return false;
        }

        private string ReadWhile(Func<char, bool> predicate)
        {
            var start = Position;
            while (!AtEnd && predicate(text[Position]))
            {
                Position++;
            }

            return text[start..Position];
        }

        private static bool IsTokenChar(char c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
    }
}

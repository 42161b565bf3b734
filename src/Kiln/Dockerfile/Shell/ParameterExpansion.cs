using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Shell;

/// <summary>
/// Expands one <c>$name</c> or <c>${name[op word]}</c> reference, the operators being
/// <c>- + ?</c> (with optional <c>:</c>), <c># ## % %%</c> and <c>/ //</c>, with BuildKit's exact results and errors.
/// </summary>
internal static class ParameterExpansion
{
    private const string MissingBrace = "syntax error: missing '}'";

    /// <summary>Expands the reference at the processor's position, which must be a '$'.</summary>
    public static string Expand(ShellWordProcessor p)
    {
        var start = p.Position;
        p.Next();
        if (p.Peek() != '{')
        {
            var simple = p.ReadName();
            if (simple.Length == 0)
            {
                return "$";
            }

            var found = p.TryLookup(simple, out var simpleValue);
            return !found && p.Lexer.SkipUnsetEnv ? "$" + simple : simpleValue;
        }

        p.Next();
        switch (p.Peek())
        {
            case ShellWordProcessor.Eof:
                throw Fail(ErrorCodes.ShellMissingBrace, MissingBrace, start);
            case '{' or '}' or ':':
                throw Fail(ErrorCodes.ShellBadSubstitution, "syntax error: bad substitution", start);
        }

        var name = p.ReadName();
        var op = p.Next();
        switch (op)
        {
            case '}':
                var set = p.TryLookup(name, out var value);
                return !set && p.Lexer.SkipUnsetEnv ? $"${{{name}}}" : value;
            case ShellWordProcessor.Eof:
                throw Fail(ErrorCodes.ShellMissingBrace, MissingBrace, start);
            case ':':
                var second = p.Next();
                return Operator(p, name, second, ":" + Text(second), nullIsUnset: true, start);
            case '+' or '-' or '?' or '#' or '%':
                return Operator(p, name, op, Text(op), nullIsUnset: false, start);
            case '/':
                return Replace(p, name, start);
            default:
                throw Fail(ErrorCodes.ShellUnsupportedModifier, $"unsupported modifier ({Text(op)}) in substitution", start);
        }
    }

    private static string Operator(ShellWordProcessor p, string name, int op, string opText, bool nullIsUnset, int start)
    {
        var rawEscapes = op is '#' or '%';
        var word = Nested(p, '}', rawEscapes, ErrorCodes.ShellMissingBrace, MissingBrace, start);
        var set = p.TryLookup(name, out var value);
        if (!set && p.Lexer.SkipUnsetEnv)
        {
            return $"${{{name}{opText}{word}}}";
        }

        var missing = !set || (nullIsUnset && value.Length == 0);
        switch (op)
        {
            case '-':
                return missing ? word : value;
            case '+':
                return missing ? string.Empty : word;
            case '?':
                if (missing)
                {
                    var message = word.Length != 0 ? word : set ? "is not allowed to be empty" : "is not allowed to be unset";
                    throw Fail(ErrorCodes.ShellRequiredVariable, $"{name}: {message}", start);
                }

                return value;
            case '#' or '%':
                var greedy = word.Length > 0 && word[0] == op;
                var pattern = greedy ? word[1..] : word;
                return op == '%' ? TrimSuffix(pattern, value, greedy, start) : TrimPrefix(pattern, value, greedy, start);
            default:
                throw Fail(ErrorCodes.ShellUnsupportedModifier, $"unsupported modifier ({opText}) in substitution", start);
        }
    }

    private static string Replace(ShellWordProcessor p, string name, int start)
    {
        var all = p.Peek() == '/';
        if (all)
        {
            p.Next();
        }

        var pattern = Nested(p, '/', true, ErrorCodes.ShellMissingSlash, "syntax error: missing '/' in ${}", start);
        var replacement = Nested(p, '}', true, ErrorCodes.ShellMissingBrace, MissingBrace, start);
        var set = p.TryLookup(name, out var value);
        if (!set && p.Lexer.SkipUnsetEnv)
        {
            return $"${{{name}/{pattern}/{replacement}}}";
        }

        var compiled = Compile(pattern, greedy: true, anchored: false, start);
        return all ? compiled.ReplaceAll(value, replacement) : compiled.ReplaceFirst(value, replacement);
    }

    /// <summary>Processes a nested word; hitting the end of input inside it is reported as the missing delimiter.</summary>
    private static string Nested(ShellWordProcessor p, char stop, bool rawEscapes, ErrorCode code, string message, int start)
    {
        try
        {
            return p.ProcessUntil(stop, rawEscapes).Value;
        }
        catch (ShellExpansionException) when (p.Peek() == ShellWordProcessor.Eof)
        {
            throw Fail(code, message, start);
        }
    }

    private static string TrimPrefix(string pattern, string value, bool greedy, int start)
    {
        var compiled = Compile(pattern, greedy, anchored: true, start);
        var runes = ShellPattern.ToRunes(value);
        var end = compiled.MatchPrefix(runes);
        return end < 0 ? value : ShellPattern.FromRunes(runes, end, runes.Length);
    }

    /// <summary>Removes a suffix by matching the reversed pattern against the reversed value, as BuildKit does.</summary>
    private static string TrimSuffix(string pattern, string value, bool greedy, int start)
    {
        var reversedPattern = ShellPattern.ReversePattern(pattern);
        var compiled = Compile(reversedPattern, greedy, anchored: true, start, pattern);
        var runes = ShellPattern.ToRunes(value);
        Array.Reverse(runes);
        var end = compiled.MatchPrefix(runes);
        if (end < 0)
        {
            return value;
        }

        var kept = runes[end..];
        Array.Reverse(kept);
        return ShellPattern.FromRunes(kept, 0, kept.Length);
    }

    private static ShellPattern Compile(string pattern, bool greedy, bool anchored, int start, string? shown = null)
    {
        if (ShellPattern.TryCompile(pattern, greedy, anchored, out var compiled, out var problem))
        {
            return compiled;
        }

        throw Fail(ErrorCodes.ShellInvalidPattern, $"invalid pattern ({shown ?? pattern}) in substitution: {problem}", start);
    }

    private static string Text(int ch) => ch == ShellWordProcessor.Eof ? "\uFFFD" : new System.Text.Rune(ch).ToString();

    private static ShellExpansionException Fail(ErrorCode code, string message, int offset) => new(code, message, offset);
}

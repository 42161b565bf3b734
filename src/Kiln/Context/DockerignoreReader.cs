using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// Reads a <c>.dockerignore</c> file as BuildKit does: a UTF-8 BOM is dropped, a line starting with <c>#</c>
/// is a comment, lines are trimmed, blank lines skipped, and each pattern is cleaned with a leading
/// <c>/</c> removed (after the <c>!</c> of an exception). Malformed patterns become diagnostics with their line.
/// </summary>
internal static class DockerignoreReader
{
    public static IgnoreMatcher Parse(string text, string fileName, out ImmutableArray<Diagnostic> diagnostics)
    {
        var patterns = ImmutableArray.CreateBuilder<IgnorePattern>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var index = 0; index < count; index++)
        {
            var line = lines[index];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var normalized = Normalize(line);
            if (normalized is null)
            {
                continue;
            }

            var lineNumber = index + 1;
            if (!IgnorePattern.TryCreate(normalized, lineNumber, out var pattern, out var error))
            {
                var span = new SourceSpan(fileName, new SourcePosition(lineNumber, 1), new SourcePosition(lineNumber, line.Length + 1));
                problems.Add(Diagnostic.Error(ErrorCodes.InvalidIgnorePattern, error, span));
            }
            else if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        diagnostics = problems.ToImmutable();
        return new IgnoreMatcher(patterns.ToImmutable());
    }

    /// <summary>Parses and throws one <see cref="KilnException"/> carrying every malformed pattern.</summary>
    public static IgnoreMatcher ParseOrThrow(string text, string fileName)
    {
        var matcher = Parse(text, fileName, out var diagnostics);
        if (!diagnostics.IsEmpty)
        {
            throw new KilnException(diagnostics);
        }

        return matcher;
    }

    // The per-line rewriting of the reader; null for a blank line.
    private static string? Normalize(string line)
    {
        var pattern = line.Trim();
        if (pattern.Length == 0)
        {
            return null;
        }

        var invert = pattern[0] == '!';
        if (invert)
        {
            pattern = pattern[1..].Trim();
        }

        if (pattern.Length > 0)
        {
            pattern = SlashPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        return invert ? "!" + pattern : pattern;
    }
}

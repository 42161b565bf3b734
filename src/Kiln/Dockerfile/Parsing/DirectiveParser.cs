using System.Text.RegularExpressions;

namespace Kiln.Dockerfile.Parsing;

/// <summary>
/// Recognizes parser directives: only comment lines of the form <c># name=value</c> at the very top of the
/// file, for the known names; the first other line (blank, comment, unknown directive, instruction) ends them.
/// </summary>
internal sealed partial class DirectiveParser
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { "syntax", "escape", "check" };

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public bool Done { get; private set; }

    /// <summary>Returns the directive on this line, or null; a repeated directive sets <paramref name="duplicate"/>.</summary>
    public (string Name, string Value, int ValueColumn)? ParseLine(string line, out bool duplicate)
    {
        duplicate = false;
        if (Done)
        {
            return null;
        }

        var match = DirectiveRegex().Match(line);
        if (!match.Success)
        {
            Done = true;
            return null;
        }

        var name = match.Groups[1].Value.ToLowerInvariant();
        if (!Known.Contains(name))
        {
            Done = true;
            return null;
        }

        if (!_seen.Add(name))
        {
            duplicate = true;
        }

        return (name, match.Groups[2].Value, match.Groups[2].Index + 1);
    }

    public void Stop() => Done = true;

    [GeneratedRegex(@"^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$")]
    private static partial Regex DirectiveRegex();
}

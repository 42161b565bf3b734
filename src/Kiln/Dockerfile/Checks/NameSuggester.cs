using Kiln.Diagnostics;

namespace Kiln.Dockerfile.Checks;

/// <summary>
/// BuildKit's "did you mean" search: the option closest to a name by edit distance, below 3; none when an
/// option equals the name. Case-insensitive search matches the result's case to the name's.
/// </summary>
internal static class NameSuggester
{
    public static string? Suggest(string name, IEnumerable<string> options, bool caseSensitive)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var value = caseSensitive ? name : name.ToLowerInvariant();
        string? match = null;
        var best = 3;
        foreach (var option in options)
        {
            var candidate = caseSensitive ? option : option.ToLowerInvariant();
            if (candidate == value)
            {
                return null;
            }

            var distance = EditDistance.Between(value, candidate);
            if (distance < best)
            {
                (match, best) = (caseSensitive ? candidate : MatchCase(candidate, name), distance);
            }
        }

        return match;
    }

    private static string MatchCase(string value, string original) =>
        original == original.ToLowerInvariant() ? value.ToLowerInvariant()
        : original == original.ToUpperInvariant() ? value.ToUpperInvariant()
        : value;
}

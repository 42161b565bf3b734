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

            var distance = Distance(value, candidate);
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

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

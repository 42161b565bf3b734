namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>Finds the known name closest to a misspelt one, for "Did you mean ...?" hints.</summary>
internal static class Suggestion
{
    private const int MaxDistance = 2;

    public static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Name: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>Levenshtein distance: the fewest single-character edits that turn one string into the other.</summary>
    public static int Distance(string a, string b)
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
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using Kiln.Diagnostics;

namespace Kiln.Bake.Hcl.Evaluation;

/// <summary>Finds the known name closest to a misspelt one, for "Did you mean ...?" hints.</summary>
internal static class Suggestion
{
    private const int MaxDistance = 2;

    public static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Name: c, Distance: EditDistance.Between(name, c)))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
}

using System.Collections.Immutable;
using Kiln.Diagnostics;

namespace Kiln.Bake.Model;

/// <summary>A named list of targets and groups.</summary>
internal sealed record BakeGroup(string Name, ImmutableArray<string> Targets, SourceSpan? Span = null)
{
    /// <summary>This group's targets followed by those of <paramref name="other"/> it does not list yet.</summary>
    public BakeGroup Union(IEnumerable<string> other) =>
        this with { Targets = [.. Targets, .. other.Where(t => !Targets.Contains(t, StringComparer.Ordinal))] };
}

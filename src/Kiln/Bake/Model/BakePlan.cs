using System.Collections.Immutable;

namespace Kiln.Bake.Model;

/// <summary>The resolved result of bake files, requested names, overrides: what <c>--print</c> shows, what a build runs.</summary>
internal sealed record BakePlan(
    ImmutableSortedDictionary<string, BakeGroup> Groups,
    ImmutableSortedDictionary<string, BakeTarget> Targets);

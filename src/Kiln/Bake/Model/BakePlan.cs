using System.Collections.Immutable;

namespace Kiln.Bake.Model;

/// <summary>The resolved result of bake files, requested names and overrides: what <c>--print</c> shows and a build runs.</summary>
internal sealed record BakePlan(
    ImmutableSortedDictionary<string, BakeGroup> Groups,
    ImmutableSortedDictionary<string, BakeTarget> Targets);

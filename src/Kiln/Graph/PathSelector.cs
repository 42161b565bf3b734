using System.Collections.Immutable;

namespace Kiln.Graph;

/// <summary>One path an op reads from an input, with the filters that narrow what under it is read.</summary>
internal sealed record PathSelector(string Path)
{
    public bool FollowSymlinks { get; init; }

    /// <summary>When set, <see cref="Path"/> may hold wildcards (Go filepath.Match syntax).</summary>
    public bool AllowWildcard { get; init; }

    public ImmutableArray<string> IncludePatterns { get; init; } = [];

    public ImmutableArray<string> ExcludePatterns { get; init; } = [];
}

using System.Collections.Immutable;

namespace Kiln.Context;

/// <summary>
/// The part of a context one step reads: everything under <see cref="Path"/> (the whole context when empty),
/// narrowed by include patterns and reduced by exclude patterns, both relative to <see cref="Path"/>.
/// </summary>
internal sealed record ContextSelection(string Path, ImmutableArray<string> IncludePatterns, ImmutableArray<string> ExcludePatterns)
{
    public static ContextSelection All { get; } = new("", [], []);

    public static ContextSelection Under(string path) => new(path, [], []);

    public static ContextSelection Matching(params string[] includePatterns) => new("", [.. includePatterns], []);
}

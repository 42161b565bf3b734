using System.Collections.Immutable;
using Kiln.Dockerfile.Parsing;

namespace Kiln.Dockerfile.Instructions;

/// <summary>The options COPY and ADD share: ownership, mode, link, parents and exclusions.</summary>
internal sealed record CopyOptions(Word? Chown, Word? Chmod, bool Link, bool Parents, ImmutableArray<Word> Excludes)
{
    /// <summary>True when the instruction was written as a JSON array.</summary>
    public bool IsJson { get; init; }
}

using Kiln.Diagnostics;

namespace Kiln.Graph;

/// <summary>
/// What a vertex carries besides its definition: a display name, where it came from, and cache flags.
/// None of it is part of the vertex digest.
/// </summary>
internal sealed record VertexMetadata
{
    public static readonly VertexMetadata Empty = new();

    /// <summary>The progress line, e.g. "[build 2/4] RUN make".</summary>
    public string? Name { get; init; }

    /// <summary>The Dockerfile (or other) span the vertex was converted from, for error reports.</summary>
    public SourceSpan? Source { get; init; }

    /// <summary>The stage the vertex belongs to, matched by --no-cache-filter.</summary>
    public string? Stage { get; init; }

    /// <summary>Always execute, never use a cache record (the result is still recorded).</summary>
    public bool IgnoreCache { get; init; }
}

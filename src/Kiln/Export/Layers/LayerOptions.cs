using Kiln.Oci;

namespace Kiln.Export.Layers;

/// <summary>
/// How snapshots become layer blobs (buildx's <c>compression</c>, <c>compression-level</c>, <c>force-compression</c>,
/// <c>oci-mediatypes</c> and <c>rewrite-timestamp</c> output options, the last already turned into a clamp time).
/// </summary>
internal sealed record LayerOptions
{
    public static LayerOptions Default { get; } = new();

    public LayerCompression Compression { get; init; } = LayerCompression.Gzip;

    /// <summary>The compressor's level; null is its default (gzip: optimal, zstd: 3).</summary>
    public int? Level { get; init; }

    /// <summary>Recompress reused blobs (a base image's layers) whose compression differs from <see cref="Compression"/>.</summary>
    public bool ForceCompression { get; init; }

    public bool OciMediaTypes { get; init; } = true;

    /// <summary>File mtimes in new layers later than this (Unix seconds) are clamped to it.</summary>
    public long? ClampMtime { get; init; }
}

using System.IO.Compression;
using Kiln.Oci;

namespace Kiln.Snapshots.Layers;

/// <summary>How a diff is written as a layer blob.</summary>
internal sealed record LayerDiffOptions
{
    public static LayerDiffOptions Default { get; } = new();

    public LayerCompression Compression { get; init; } = LayerCompression.Gzip;

    /// <summary>Docker media types instead of OCI ones.</summary>
    public bool DockerMediaTypes { get; init; }

    /// <summary>Mtimes later than this (Unix seconds: SOURCE_DATE_EPOCH with rewrite-timestamp) are clamped to it.</summary>
    public long? ClampMtime { get; init; }

    public CompressionLevel GzipLevel { get; init; } = CompressionLevel.Optimal;

    public int ZstdLevel { get; init; } = 3;
}

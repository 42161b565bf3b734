using Kiln.Oci;

namespace Kiln.Build;

/// <summary>One platform's built image: its root filesystem (a committed snapshot; null for an empty scratch image) and config.</summary>
internal sealed record SolvedPlatform(Platform Platform, string? Snapshot, ImageConfig Config)
{
    /// <summary>The base image's config (its history keeps its own times under SOURCE_DATE_EPOCH); null for scratch.</summary>
    public ImageConfig? BaseConfig { get; init; }
}

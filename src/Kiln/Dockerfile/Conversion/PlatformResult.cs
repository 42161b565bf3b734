using System.Collections.Immutable;
using Kiln.Graph;
using Kiln.Oci;

namespace Kiln.Dockerfile.Conversion;

/// <summary>
/// The conversion for one target platform: the graph root (null for an empty scratch image), the image config
/// to export (history included, rootfs left for the exporter), each converted stage's final vertex.
/// </summary>
internal sealed record PlatformResult(Platform Platform, Vertex? Root, ImageConfig Config, ImmutableDictionary<int, Vertex?> Stages)
{
    public ImmutableArray<HistoryEntry> History => Config.History;

    /// <summary>The config of the image the target stage's chain starts from (null for scratch).</summary>
    public ImageConfig? BaseConfig { get; init; }
}

using System.Globalization;
using Kiln.Oci;

namespace Kiln.Export.Layers;

/// <summary>
/// The key of a recorded snapshot layer: everything that changes a blob's bytes (compression, level, mtime clamp).
/// Media types are not part of it: the same bytes are relabelled OCI or Docker on export.
/// </summary>
internal static class LayerVariant
{
    /// <summary>The original blob a pulled image's layer was unpacked from.</summary>
    public const string Source = "source";

    public static string Of(LayerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var level = options.Level?.ToString(CultureInfo.InvariantCulture) ?? "default";
        var clamp = options.ClampMtime?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return $"{Name(options.Compression)};level={level};clamp={clamp}";
    }

    public static string Name(LayerCompression compression) => compression switch
    {
        LayerCompression.Gzip => "gzip",
        LayerCompression.Zstd => "zstd",
        _ => "uncompressed",
    };
}

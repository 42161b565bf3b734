using System.Collections.Immutable;
using Kiln.Export.Layers;
using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>Everything that changes the assembled image's bytes: layer options, annotations and SOURCE_DATE_EPOCH.</summary>
internal sealed record ImageOptions
{
    public static ImageOptions Default { get; } = new();

    public LayerOptions Layers { get; init; } = LayerOptions.Default;

    public ImmutableArray<ImageAnnotation> Annotations { get; init; } = [];

    /// <summary>SOURCE_DATE_EPOCH in Unix seconds: clamps the config's created time and the new history entries.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>
    /// The options as BuildKit applies them: zstd layers and index or descriptor annotations only exist with OCI media
    /// types, so they switch <c>oci-mediatypes</c> on.
    /// </summary>
    public ImageOptions Effective()
    {
        var needsOci = Layers.Compression == LayerCompression.Zstd
            || Annotations.Any(a => a.Target is not AnnotationTarget.Manifest);
        return needsOci && !Layers.OciMediaTypes ? this with { Layers = Layers with { OciMediaTypes = true } } : this;
    }

    /// <summary>A stable text naming these options: two outputs with the same key share one assembled image.</summary>
    public string Key()
    {
        var annotations = string.Join('\n', Annotations.Select(a => $"{a.Target}|{a.Platform}|{a.Key}|{a.Value}").Order(StringComparer.Ordinal));
        return $"{LayerVariant.Of(Layers)};force={Layers.ForceCompression};oci={Layers.OciMediaTypes};epoch={SourceDateEpoch}\n{annotations}";
    }
}

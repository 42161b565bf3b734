using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>One platform's image as written to the content store: its manifest (descriptor with platform), config and layers.</summary>
internal sealed record PlatformImage(Platform Platform, Descriptor Manifest, Descriptor Config, ImmutableArray<Descriptor> Layers)
{
    /// <summary>The snapshot whose filesystem this image holds (null: empty).</summary>
    public string? RootSnapshot { get; init; }
}

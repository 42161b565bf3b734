using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Export.Assembly;

/// <summary>
/// An image written to the content store: the root descriptor (the manifest for one platform, else the index) and each
/// platform's manifest and config.
/// </summary>
internal sealed record AssembledImage(Descriptor Root, ImmutableArray<PlatformImage> Platforms)
{
    public bool IsIndex => MediaType.IsIndex(Root.MediaType);
}

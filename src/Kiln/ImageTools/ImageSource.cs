using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>A resolved `imagetools create` source: where it lives, its descriptor and its manifest or index bytes.</summary>
internal sealed record ImageSource(Reference Repository, RegistryManifest Manifest, OciDocument Document)
{
    /// <summary>Platform from the image config, for a manifest source (an index carries its own).</summary>
    public Platform? Platform { get; init; }

    public Descriptor Descriptor => Manifest.Descriptor;
}

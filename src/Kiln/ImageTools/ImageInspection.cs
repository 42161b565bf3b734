using System.Collections.Immutable;
using Kiln.Oci;
using Kiln.Registry;

namespace Kiln.ImageTools;

/// <summary>What `imagetools inspect` learned about a reference: the root document and, when asked, each platform's config.</summary>
internal sealed record ImageInspection(Reference Reference, RegistryManifest Root, OciDocument Document)
{
    /// <summary>Image configs by platform, in the index's order; attestation manifests are left out.</summary>
    public ImmutableArray<(Platform Platform, ImageConfig Config)> Configs { get; init; } = [];

    public bool IsIndex => Document.Kind == OciDocumentKind.Index;
}

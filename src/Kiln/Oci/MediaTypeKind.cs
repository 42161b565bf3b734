namespace Kiln.Oci;

/// <summary>What a media type names.</summary>
internal enum MediaTypeKind
{
    Unknown,
    Manifest,
    Index,
    Config,
    Layer,
    Empty,
    InToto,

    /// <summary>Docker schema 1 manifests, which kiln recognizes only to reject clearly.</summary>
    ManifestSchema1,
}

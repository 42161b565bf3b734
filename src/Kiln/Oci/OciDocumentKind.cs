namespace Kiln.Oci;

/// <summary>Whether a fetched document is a single-image manifest or an index of manifests.</summary>
internal enum OciDocumentKind
{
    Manifest,
    Index,
}

namespace Kiln.Oci;

/// <summary>How a layer blob is compressed.</summary>
internal enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

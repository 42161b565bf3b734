using Kiln.Oci;

namespace Kiln.Registry;

/// <summary>A manifest or index exactly as the registry served it, with the descriptor of those bytes.</summary>
internal sealed record RegistryManifest(Descriptor Descriptor, ReadOnlyMemory<byte> Bytes)
{
    public string MediaType => Descriptor.MediaType;

    public Digest Digest => Descriptor.Digest;

    /// <summary>Parses the bytes as the manifest or index the media type says they are.</summary>
    public OciDocument Parse(string? source = null) => OciDocument.Parse(Bytes, MediaType, source);
}

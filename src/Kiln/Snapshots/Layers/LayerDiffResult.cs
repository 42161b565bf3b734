using Kiln.Oci;

namespace Kiln.Snapshots.Layers;

/// <summary>A layer written to the content store: its descriptor (compressed digest and size), diffID and tar size.</summary>
internal sealed record LayerDiffResult(Descriptor Layer, Digest DiffId, long UncompressedSize, int Entries);

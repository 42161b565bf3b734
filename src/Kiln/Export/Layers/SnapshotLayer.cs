using Kiln.Oci;

namespace Kiln.Export.Layers;

/// <summary>The layer blob a snapshot exports as: its descriptor (compressed digest, size, media type) and its diffID.</summary>
internal sealed record SnapshotLayer(Descriptor Layer, Digest DiffId);

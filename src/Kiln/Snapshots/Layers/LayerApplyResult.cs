using Kiln.Oci;

namespace Kiln.Snapshots.Layers;

/// <summary>What applying one layer did: the diffID (sha256 of the uncompressed tar) and counts for progress.</summary>
internal sealed record LayerApplyResult(Digest DiffId, long UncompressedSize, int Entries, int SkippedDevices);

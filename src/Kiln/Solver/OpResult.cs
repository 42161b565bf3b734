using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>
/// One output of an executed op: an opaque reference the runner understands (a snapshot id), the digest of its
/// content when the runner knows it, and its size in bytes.
/// </summary>
internal sealed record OpResult(string Id, Digest? ContentDigest = null, long Size = 0);

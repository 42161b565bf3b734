using Kiln.Oci;

namespace Kiln.Solver;

/// <summary>The result of one solved target edge.</summary>
internal sealed record EdgeResult(OpResult Result, Digest CacheKey, bool Cached);

using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Solver.Cache;

/// <summary>A cache key's recorded results (one per op output), their total size and when the record was made and last used.</summary>
internal sealed record CacheRecord(Digest Key, ImmutableArray<OpResult> Results, long Size, DateTimeOffset Created, DateTimeOffset LastUsed);

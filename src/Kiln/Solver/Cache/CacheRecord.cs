using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Solver.Cache;

/// <summary>A cache key's recorded results (one per op output) with their total size, creation time and last use.</summary>
internal sealed record CacheRecord(Digest Key, ImmutableArray<OpResult> Results, long Size, DateTimeOffset Created, DateTimeOffset LastUsed);

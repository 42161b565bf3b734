using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Solver.Cache;

/// <summary>
/// Cache records by key. A record is written whole or not at all; implementations are safe for concurrent callers
/// (and, when persistent, for concurrent processes).
/// </summary>
internal interface ICacheStore
{
    /// <summary>The record for a key, or null; a hit updates its last-used time.</summary>
    Task<CacheRecord?> LookupAsync(Digest key, CancellationToken cancellationToken);

    /// <summary>Records (or replaces) the results for a key and returns the stored record.</summary>
    Task<CacheRecord> RecordAsync(Digest key, ImmutableArray<OpResult> results, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(Digest key, CancellationToken cancellationToken);

    /// <summary>All records, least recently used first (for du and prune).</summary>
    Task<ImmutableArray<CacheRecord>> ListAsync(CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using Kiln.Oci;

namespace Kiln.Solver.Cache;

/// <summary>A cache store that lives as long as the process (tests, --no-store runs).</summary>
internal sealed class MemoryCacheStore(TimeProvider time) : ICacheStore
{
    private readonly ConcurrentDictionary<Digest, CacheRecord> records = new();

    public MemoryCacheStore()
        : this(TimeProvider.System)
    {
    }

    public int Count => records.Count;

    public Task<CacheRecord?> LookupAsync(Digest key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!records.TryGetValue(key, out var record))
        {
            return Task.FromResult<CacheRecord?>(null);
        }

        var used = record with { LastUsed = time.GetUtcNow() };
        records.TryUpdate(key, used, record);
        return Task.FromResult<CacheRecord?>(used);
    }

    public Task<CacheRecord> RecordAsync(Digest key, ImmutableArray<OpResult> results, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var record = new CacheRecord(key, results, results.Sum(r => r.Size), now, now);
        records[key] = record;
        return Task.FromResult(record);
    }

    public Task<bool> RemoveAsync(Digest key, CancellationToken cancellationToken) =>
        Task.FromResult(records.TryRemove(key, out _));

    public Task<ImmutableArray<CacheRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(records.Values.OrderBy(r => r.LastUsed).ThenBy(r => r.Key).ToImmutableArray());
}

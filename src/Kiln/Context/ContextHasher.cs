using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Kiln.Diagnostics;

namespace Kiln.Context;

/// <summary>
/// Walks a local context and digests every regular file, taking digests from the stat cache for files whose
/// identity is unchanged. A file that changes while it is read is read again; one that keeps changing fails.
/// </summary>
internal sealed class ContextHasher
{
    public const int MaxAttempts = 3;

    // A file modified this recently may change again within the same timestamp tick, so it is not cached.
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly IContextFileReader _reader;
    private readonly StatCache? _cache;
    private readonly TimeProvider _time;

    public ContextHasher(IContextFileReader reader, StatCache? cache, TimeProvider time)
    {
        _reader = reader;
        _cache = cache;
        _time = time;
    }

    public Task<ContextSnapshot> HashAsync(LocalContext context, CancellationToken cancellationToken) =>
        HashAsync(context, ContextWalker.Walk(context, cancellationToken), cancellationToken);

    public async Task<ContextSnapshot> HashAsync(LocalContext context, ImmutableArray<ContextEntry> walked, CancellationToken cancellationToken)
    {
        var cached = _cache?.LoadInOrder(context.Directory) ?? [];
        var entries = walked.ToBuilder();
        var (keep, misses) = MatchCached(entries, cached);

        var fresh = new ConcurrentBag<(int Index, KeyValuePair<string, StatCacheRecord> Record)>();
        var now = _time.GetUtcNow();
        var racyAfterNs = (now - RacyWindow).ToUnixTimeMilliseconds() * 1_000_000L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(misses, options, async (index, token) =>
        {
            var entry = entries[index];
            var (digest, stat) = await HashStableAsync(Path.Combine(context.Directory, entry.Path), entry, token).ConfigureAwait(false);
            entries[index] = entry with { Stat = stat, ContentHash = digest };
            if (stat.MtimeNs < racyAfterNs)
            {
                fresh.Add((index, new(entry.Path, StatCacheRecord.From(stat, digest))));
            }
        }).ConfigureAwait(false);

        // Rewrite only when something was learned or records of vanished or changed files should go.
        if (_cache is not null && (!fresh.IsEmpty || keep.Count != cached.Length))
        {
            _cache.Save(context.Directory, InWalkOrder(keep, fresh), now);
        }

        return new ContextSnapshot(context.Name, context.Directory, entries.ToImmutable());
    }

    // Takes the digest of every file whose identity matches its cached record; the others are returned as misses.
    // Records were saved in walk order, so each is looked for at a cursor first and by path only out of order.
    // Runs once per file of a large context: compiled optimized at once rather than tiered up too late.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (List<(int Index, KeyValuePair<string, StatCacheRecord> Record)> Keep, List<int> Misses) MatchCached(
        ImmutableArray<ContextEntry>.Builder entries,
        KeyValuePair<string, StatCacheRecord>[] cached)
    {
        var keep = new List<(int Index, KeyValuePair<string, StatCacheRecord> Record)>(cached.Length);
        var misses = new List<int>();
        Dictionary<string, StatCacheRecord>? byPath = null;
        var cursor = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Kind != ContextEntryKind.File)
            {
                continue;
            }

            StatCacheRecord record;
            bool found;
            if (byPath is null && cursor < cached.Length && string.Equals(cached[cursor].Key, entry.Path, StringComparison.Ordinal))
            {
                record = cached[cursor++].Value;
                found = true;
            }
            else
            {
                byPath ??= StatCacheCodec.ToDictionary(cached);
                found = byPath.TryGetValue(entry.Path, out record);
            }

            if (found && record.Matches(entry.Stat))
            {
                entries[i] = entry with { ContentHash = record.Hash };
                keep.Add((i, new(entry.Path, record)));
            }
            else
            {
                misses.Add(i);
            }
        }

        return (keep, misses);
    }

    // Records are saved in walk order, so that the next hash of the same tree meets them in that order.
    private static List<KeyValuePair<string, StatCacheRecord>> InWalkOrder(
        List<(int Index, KeyValuePair<string, StatCacheRecord> Record)> keep,
        IEnumerable<(int Index, KeyValuePair<string, StatCacheRecord> Record)> fresh)
    {
        keep.AddRange(fresh);
        keep.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        return keep.ConvertAll(static k => k.Record);
    }

    private async Task<(Sha256Value Hash, FileStat Stat)> HashStableAsync(string full, ContextEntry entry, CancellationToken cancellationToken)
    {
        var before = entry.Stat;
        for (var attempt = 1; ; attempt++)
        {
            var (digest, length) = await ReadDigestAsync(full, entry.Path, before, cancellationToken).ConfigureAwait(false);
            if (!NativeStat.TryLstat(full, out var after))
            {
                throw new KilnException(ErrorCodes.ContextChangedDuringHash, $"{entry.Path} was removed while it was being hashed");
            }

            if (length == after.Size && Same(before, after))
            {
                return (digest, after);
            }

            if (attempt == MaxAttempts || !after.IsRegular)
            {
                throw new KilnException(ErrorCodes.ContextChangedDuringHash, $"{entry.Path} kept changing while it was being hashed ({attempt} attempts)");
            }

            before = after;
        }
    }

    private async Task<(Sha256Value Hash, long Length)> ReadDigestAsync(string full, string relative, FileStat expected, CancellationToken cancellationToken)
    {
        try
        {
            var stream = _reader.OpenRead(full);
            await using (stream.ConfigureAwait(false))
            {
                // The path may have been swapped (say, for a symlink out of the context) since it was stat'ed:
                // the content of any other inode is never used, and a length of -1 makes the caller look again.
                if (stream is FileStream file && NativeStat.Fstat(file.SafeFileHandle) is var opened
                    && (opened.Inode != expected.Inode || opened.Device != expected.Device || !opened.IsRegular))
                {
                    return (default, -1);
                }

                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(256 * 1024);
                try
                {
                    long total = 0;
                    int read;
                    while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        total += read;
                    }

                    return (Sha256Value.Read(hash.GetHashAndReset()), total);
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KilnException(ErrorCodes.ContextReadFailed, $"cannot read {relative}: {ex.Message}", inner: ex);
        }
    }

    private static bool Same(FileStat a, FileStat b) =>
        a.Size == b.Size && a.MtimeNs == b.MtimeNs && a.CtimeNs == b.CtimeNs && a.Inode == b.Inode;

}

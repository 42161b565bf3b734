using System.Collections.Concurrent;

namespace Kiln.Registry.Auth;

/// <summary>
/// Bearer tokens keyed by registry and scope set. Concurrent requests for one key share a single token fetch;
/// an expired, failed or invalidated entry is fetched again.
/// </summary>
internal sealed class TokenCache(TimeProvider time, TimeSpan margin)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public static string Key(string registry, IEnumerable<string> scopes) =>
        registry + "|" + string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public async Task<BearerToken> GetOrFetchAsync(string key, Func<Task<BearerToken>> fetch, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = entries.GetOrAdd(key, _ => new Entry(fetch));
            BearerToken token;
            try
            {
                token = await entry.Fetch.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
                throw;
            }

            entry.Token = token;
            if (token.IsUsableAt(time.GetUtcNow(), margin))
            {
                return token;
            }

            // Expired: drop this entry (unless another caller already replaced it) and fetch again.
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    /// <summary>Forgets the token the registry just rejected, so the next request fetches a fresh one.</summary>
    public void Invalidate(string key, string rejectedToken)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Token?.Value == rejectedToken)
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    /// <summary>A cached token that is still usable, without fetching.</summary>
    public BearerToken? Peek(string key) =>
        entries.TryGetValue(key, out var entry) && entry.Token is { } token && token.IsUsableAt(time.GetUtcNow(), margin) ? token : null;

    private sealed class Entry(Func<Task<BearerToken>> fetch)
    {
        public Lazy<Task<BearerToken>> Fetch { get; } = new(fetch);

        public BearerToken? Token { get; set; }
    }
}

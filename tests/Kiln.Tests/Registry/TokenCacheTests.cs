using Kiln.Registry.Auth;

namespace Kiln.Tests.Registry;

public sealed class TokenCacheTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ATokenIsReusedUntilItIsAboutToExpire()
    {
        var cache = new TokenCache(clock, TimeSpan.FromSeconds(10));
        var fetches = 0;
        Task<BearerToken> Fetch() => Task.FromResult(new BearerToken($"t{++fetches}", clock.GetUtcNow().AddSeconds(60)));
        var key = TokenCache.Key("reg", ["repository:a:pull"]);

        var first = await cache.GetOrFetchAsync(key, Fetch, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(45));
        var second = await cache.GetOrFetchAsync(key, Fetch, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var third = await cache.GetOrFetchAsync(key, Fetch, CancellationToken.None);

        Assert.Equal("t1", first.Value);
        Assert.Equal("t1", second.Value);
        Assert.Equal("t2", third.Value);
    }

    [Fact]
    public async Task ConcurrentRequestsShareOneFetch()
    {
        var cache = new TokenCache(clock, TimeSpan.Zero);
        var fetches = 0;
        var gate = new TaskCompletionSource();
        async Task<BearerToken> Fetch()
        {
            Interlocked.Increment(ref fetches);
            await gate.Task;
            return new BearerToken("shared", clock.GetUtcNow().AddMinutes(5));
        }

        var key = TokenCache.Key("reg", ["s"]);
        var waiters = Enumerable.Range(0, 5).Select(_ => cache.GetOrFetchAsync(key, Fetch, CancellationToken.None)).ToArray();
        gate.SetResult();
        var tokens = await Task.WhenAll(waiters);

        Assert.Equal(1, fetches);
        Assert.All(tokens, t => Assert.Equal("shared", t.Value));
    }

    [Fact]
    public async Task AnInvalidatedTokenIsFetchedAgainButAnotherTokenIsKept()
    {
        var cache = new TokenCache(clock, TimeSpan.Zero);
        var fetches = 0;
        Task<BearerToken> Fetch() => Task.FromResult(new BearerToken($"t{++fetches}", clock.GetUtcNow().AddMinutes(5)));
        var key = TokenCache.Key("reg", ["s"]);

        await cache.GetOrFetchAsync(key, Fetch, CancellationToken.None);
        cache.Invalidate(key, "not-the-cached-one");
        Assert.Equal("t1", cache.Peek(key)?.Value);
        cache.Invalidate(key, "t1");
        var renewed = await cache.GetOrFetchAsync(key, Fetch, CancellationToken.None);

        Assert.Equal("t2", renewed.Value);
    }

    [Fact]
    public async Task AFailedFetchIsNotCached()
    {
        var cache = new TokenCache(clock, TimeSpan.Zero);
        var key = TokenCache.Key("reg", ["s"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrFetchAsync(key, () => throw new InvalidOperationException("down"), CancellationToken.None));
        var token = await cache.GetOrFetchAsync(key, () => Task.FromResult(new BearerToken("ok", clock.GetUtcNow().AddMinutes(1))), CancellationToken.None);

        Assert.Equal("ok", token.Value);
    }

    [Fact]
    public void KeysIgnoreScopeOrderAndDuplicates() =>
        Assert.Equal(TokenCache.Key("r", ["b", "a", "b"]), TokenCache.Key("r", ["a", "b"]));

    [Fact]
    public void KeysDifferPerRegistryAndScope()
    {
        Assert.NotEqual(TokenCache.Key("r1", ["a"]), TokenCache.Key("r2", ["a"]));
        Assert.NotEqual(TokenCache.Key("r", ["repository:x:pull"]), TokenCache.Key("r", ["repository:x:pull,push"]));
    }
}

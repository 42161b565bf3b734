using Kiln.Oci;
using Kiln.Solver;
using Kiln.Solver.Cache;
using Kiln.Tests.Solver.Fakes;

namespace Kiln.Tests.Solver.Cache;

/// <summary>The behaviour every cache store shares; each implementation's test class derives from this.</summary>
public abstract class CacheStoreContract
{
    private protected static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private protected ManualTimeProvider Time { get; } = new(Start);

    [Fact]
    public async Task LookupOfAnUnknownKeyMisses()
    {
        var store = await CreateAsync();

        Assert.Null(await store.LookupAsync(Key("nothing"), CancellationToken.None));
    }

    [Fact]
    public async Task RecordedResultsComeBackWithSizeAndTimes()
    {
        var store = await CreateAsync();
        OpResult[] results = [new("snap-1", Digest.Sha256("a"u8), 10), new("snap-2", null, 5)];

        await store.RecordAsync(Key("k"), [.. results], CancellationToken.None);
        var record = await store.LookupAsync(Key("k"), CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(results, record.Results.ToArray());
        Assert.Equal(15, record.Size);
        Assert.Equal(Start, record.Created);
        Assert.Equal(Key("k"), record.Key);
    }

    [Fact]
    public async Task LookupUpdatesLastUsedButNotCreated()
    {
        var store = await CreateAsync();
        await store.RecordAsync(Key("k"), [new OpResult("s")], CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        var record = await store.LookupAsync(Key("k"), CancellationToken.None);

        Assert.Equal(Start, record!.Created);
        Assert.Equal(Start.AddHours(1), record.LastUsed);
        Assert.Equal(Start.AddHours(1), (await store.ListAsync(CancellationToken.None)).Single().LastUsed);
    }

    [Fact]
    public async Task RecordingAgainReplacesTheResults()
    {
        var store = await CreateAsync();
        await store.RecordAsync(Key("k"), [new OpResult("old")], CancellationToken.None);

        await store.RecordAsync(Key("k"), [new OpResult("new")], CancellationToken.None);

        Assert.Equal("new", (await store.LookupAsync(Key("k"), CancellationToken.None))!.Results.Single().Id);
    }

    [Fact]
    public async Task ListIsLeastRecentlyUsedFirst()
    {
        var store = await CreateAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await store.RecordAsync(Key(name), [new OpResult(name)], CancellationToken.None);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        await store.LookupAsync(Key("a"), CancellationToken.None);

        Assert.Equal(["b", "c", "a"], (await store.ListAsync(CancellationToken.None)).Select(r => r.Results[0].Id));
    }

    [Fact]
    public async Task RemoveDeletesOnlyThatKey()
    {
        var store = await CreateAsync();
        await store.RecordAsync(Key("a"), [new OpResult("a")], CancellationToken.None);
        await store.RecordAsync(Key("b"), [new OpResult("b")], CancellationToken.None);

        Assert.True(await store.RemoveAsync(Key("a"), CancellationToken.None));
        Assert.False(await store.RemoveAsync(Key("a"), CancellationToken.None));

        Assert.Null(await store.LookupAsync(Key("a"), CancellationToken.None));
        Assert.NotNull(await store.LookupAsync(Key("b"), CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentWritersLoseNothing()
    {
        var store = await CreateAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (i, ct) =>
            await store.RecordAsync(Key($"{i}"), [new OpResult($"{i}")], ct));

        Assert.Equal(200, (await store.ListAsync(CancellationToken.None)).Length);
    }

    private protected static Digest Key(string name) => Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(name));

    private protected abstract Task<ICacheStore> CreateAsync();
}

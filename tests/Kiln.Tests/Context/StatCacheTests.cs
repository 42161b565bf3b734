using Kiln.Context;
using Kiln.Diagnostics;

namespace Kiln.Tests.Context;

public sealed class StatCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiln-statcache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RecordsSurviveReopeningPerContextRoot()
    {
        var record = new StatCacheRecord(5, 1_600_000_000_123_456_789, 1_600_000_001_000_000_000, 42, 0x81A4, new Sha256Value(1, 2, 3, ulong.MaxValue));
        var database = Path.Combine(_dir, "db", "stat.db");
        using (var cache = StatCache.Open(database))
        {
            cache.Save("/ctx/a", [new("dir/é file", record)], DateTimeOffset.UnixEpoch);
        }

        using var reopened = StatCache.Open(database);
        Assert.Equal(record, reopened.Load("/ctx/a")["dir/é file"]);
        Assert.Empty(reopened.Load("/ctx/b"));
    }

    [Fact]
    public void TruncatedOrUnknownValuesAreNotTrustedInPart()
    {
        var record = new StatCacheRecord(1, 2, 3, 4, 5, default);
        var encoded = StatCacheCodec.Encode([new("a", record), new("b", record)]);
        Assert.Equal(2, StatCacheCodec.Decode(encoded).Count);
        Assert.Empty(StatCacheCodec.Decode(encoded.AsSpan(0, encoded.Length - 1)));
        encoded[0] = 99;
        Assert.Empty(StatCacheCodec.Decode(encoded));
    }

    [Fact]
    public void UnopenableDatabaseIsReported()
    {
        var ex = Assert.Throws<KilnException>(() => StatCache.Open(_dir));
        Assert.Equal(ErrorCodes.ContextStatCacheFailed, ex.Code);
    }
}

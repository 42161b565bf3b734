using Kiln.Diagnostics;
using Kiln.Solver;
using Kiln.Solver.Cache;
using Microsoft.Data.Sqlite;

namespace Kiln.Tests.Solver.Cache;

public sealed class SqliteCacheStoreTests : CacheStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kiln-cache-").FullName;
    private readonly List<SqliteCacheStore> stores = [];

    private string DatabasePath => Path.Combine(directory, "metadata.db");

    public void Dispose()
    {
        stores.ForEach(s => s.Dispose());
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task RecordsSurviveReopening()
    {
        var first = await OpenAsync();
        await first.RecordAsync(Key("k"), [new OpResult("snap", Key("content"), 7)], CancellationToken.None);
        first.Dispose();

        var second = await OpenAsync();
        var record = await second.LookupAsync(Key("k"), CancellationToken.None);

        Assert.Equal(new OpResult("snap", Key("content"), 7), record!.Results.Single());
    }

    [Fact]
    public async Task TwoStoresOnOneFileWriteConcurrently()
    {
        var one = await OpenAsync();
        var two = await OpenAsync();

        await Task.WhenAll(
            Parallel.ForEachAsync(Enumerable.Range(0, 100), async (i, ct) => await one.RecordAsync(Key($"one{i}"), [new OpResult("1")], ct)),
            Parallel.ForEachAsync(Enumerable.Range(0, 100), async (i, ct) => await two.RecordAsync(Key($"two{i}"), [new OpResult("2")], ct)));

        Assert.Equal(200, (await one.ListAsync(CancellationToken.None)).Length);
        Assert.NotNull(await two.LookupAsync(Key("one99"), CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseIsInWriteAheadLogMode()
    {
        await OpenAsync();

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task UnreadableRecordIsReportedWithItsCode()
    {
        var store = await OpenAsync();
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO solver_cache VALUES ('{Key("bad")}', '{{not json', 0, 0, 0);";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<KilnException>(() => store.LookupAsync(Key("bad"), CancellationToken.None));

        Assert.Equal(ErrorCodes.CacheRecordInvalid, error.Code);
    }

    [Fact]
    public async Task UnopenableDatabaseFailsWithTheDatabaseCode()
    {
        // A directory where the database file should be: SQLite cannot open it.
        var error = await Assert.ThrowsAsync<KilnException>(() =>
            SqliteCacheStore.OpenAsync(directory, Time, CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataDatabaseFailed, error.Code);
    }

    private protected override async Task<ICacheStore> CreateAsync() => await OpenAsync();

    private async Task<SqliteCacheStore> OpenAsync()
    {
        var store = await SqliteCacheStore.OpenAsync(DatabasePath, Time, CancellationToken.None);
        stores.Add(store);
        return store;
    }
}

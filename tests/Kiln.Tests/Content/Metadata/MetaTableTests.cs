using Kiln.Content.Metadata;
using Microsoft.Data.Sqlite;

namespace Kiln.Tests.Content.Metadata;

public sealed class MetaTableTests : IDisposable
{
    private readonly TempRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task SetGetOverwriteDelete()
    {
        var meta = new MetaTable(await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None));

        Assert.Null(await meta.GetAsync("k", CancellationToken.None));
        await meta.SetAsync("k", "1", CancellationToken.None);
        await meta.SetAsync("k", "2", CancellationToken.None);
        Assert.Equal("2", await meta.GetAsync("k", CancellationToken.None));
        Assert.True(await meta.DeleteAsync("k", CancellationToken.None));
        Assert.False(await meta.DeleteAsync("k", CancellationToken.None));
        Assert.Null(await meta.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task FailedWriteRollsBackEverything()
    {
        var db = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync<int>(
            async (SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct) =>
            {
                await MetaTable.SetAsync(connection, transaction, "half", "done", ct);
                throw new InvalidOperationException("fails after the first statement");
            },
            CancellationToken.None));

        Assert.Null(await new MetaTable(db).GetAsync("half", CancellationToken.None));
    }

    [Fact]
    public async Task ReadModifyWriteUnderConcurrencyIsSerialized()
    {
        var db = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);
        await new MetaTable(db).SetAsync("counter", "0", CancellationToken.None);

        // Each increment reads then writes in one BEGIN IMMEDIATE transaction: no update may be lost.
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
            await db.WriteAsync(
                async (connection, transaction, token) =>
                {
                    using var read = connection.CreateCommand();
                    read.Transaction = transaction;
                    read.CommandText = "SELECT value FROM meta WHERE key = 'counter'";
                    var value = int.Parse((string)(await read.ExecuteScalarAsync(token))!, System.Globalization.CultureInfo.InvariantCulture);
                    return await MetaTable.SetAsync(connection, transaction, "counter", (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), token);
                },
                ct));

        Assert.Equal("100", await new MetaTable(db).GetAsync("counter", CancellationToken.None));
    }
}

using System.Collections.Immutable;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kiln.Tests.Content.Metadata;

public sealed class MetadataMigrationTests : IDisposable
{
    private readonly TempRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task EmptyDatabaseIsMigratedToTheLatestSchema()
    {
        var db = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);

        Assert.Equal(MetadataMigrations.Latest, db.SchemaVersion);
        Assert.Equal(root.Paths.MetadataDatabase, db.Path);
        Assert.Equal(MetadataMigrations.All.Select(m => (object)(long)m.Version), await ScalarsAsync(db, "SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(["wal"], await ScalarsAsync(db, "PRAGMA journal_mode"));
        Assert.Equal(["blob_origins", "images", "meta", "schema_version", "snapshot_layers", "snapshots", "solver_cache", "sqlite_sequence"], await ScalarsAsync(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        Assert.Equal<string>(["ok"], await db.CheckIntegrityAsync(CancellationToken.None));
    }

    [Fact]
    public async Task VersionOneDatabaseIsMigratedKeepingItsData()
    {
        var v1 = await MetadataDatabase.OpenAsync(root.Paths.MetadataDatabase, [MetadataMigrations.All[0]], TimeProvider.System, CancellationToken.None);
        Assert.Equal(1, v1.SchemaVersion);
        await new MetaTable(v1).SetAsync("marker", "from v1", CancellationToken.None);
        Assert.DoesNotContain("images", await ScalarsAsync(v1, "SELECT name FROM sqlite_master WHERE type = 'table'"));

        var latest = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);

        Assert.Equal(MetadataMigrations.Latest, latest.SchemaVersion);
        Assert.Equal("from v1", await new MetaTable(latest).GetAsync("marker", CancellationToken.None));
        Assert.Empty(await new ImageTable(latest).ListAsync(CancellationToken.None));
        Assert.Equal(MetadataMigrations.All.Select(m => (object)(long)m.Version), await ScalarsAsync(latest, "SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task ReopeningAMigratedDatabaseAppliesNothing()
    {
        var first = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);
        var applied = await ScalarsAsync(first, "SELECT applied FROM schema_version ORDER BY version");

        var second = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);

        Assert.Equal(applied, await ScalarsAsync(second, "SELECT applied FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task NewerSchemaIsAnError()
    {
        var db = await MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None);
        await ExecuteAsync(db, "INSERT INTO schema_version (version, name, applied) VALUES (999, 'future', 0)");

        var ex = await Assert.ThrowsAsync<KilnException>(() => MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataSchemaTooNew, ex.Code);
    }

    [Fact]
    public async Task FailedStepRollsBackTheWholeMigration()
    {
        ImmutableArray<MetadataMigration> broken =
        [
            MetadataMigrations.All[0],
            new MetadataMigration(2, "broken", "CREATE TABLE extra (x INTEGER); CREATE TABLE meta (k TEXT);"),
        ];

        var ex = await Assert.ThrowsAsync<KilnException>(() => MetadataDatabase.OpenAsync(root.Paths.MetadataDatabase, broken, TimeProvider.System, CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataMigrationFailed, ex.Code);
        var empty = await MetadataDatabase.OpenAsync(root.Paths.MetadataDatabase, [], TimeProvider.System, CancellationToken.None);
        Assert.Equal(0, empty.SchemaVersion);
        Assert.Equal(["schema_version"], await ScalarsAsync(empty, "SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task StepsMustBeNumberedFromOne()
    {
        ImmutableArray<MetadataMigration> gap = [MetadataMigrations.All[0], new MetadataMigration(3, "gap", "SELECT 1")];

        var ex = await Assert.ThrowsAsync<KilnException>(() => MetadataDatabase.OpenAsync(root.Paths.MetadataDatabase, gap, TimeProvider.System, CancellationToken.None));

        Assert.Equal(ErrorCodes.Internal, ex.Code);
    }

    [Fact]
    public void ReleasedStepsAreNumberedInOrder() =>
        Assert.Equal(Enumerable.Range(1, MetadataMigrations.All.Length), MetadataMigrations.All.Select(m => m.Version));

    [Fact]
    public async Task ConcurrentOpensMigrateExactlyOnce()
    {
        var opens = Enumerable.Range(0, 8).Select(_ => Task.Run(() => MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None)));
        var dbs = await Task.WhenAll(opens);

        Assert.All(dbs, db => Assert.Equal(MetadataMigrations.Latest, db.SchemaVersion));
        Assert.Equal(MetadataMigrations.All.Select(m => (object)(long)m.Version), await ScalarsAsync(dbs[0], "SELECT version FROM schema_version ORDER BY version"));
    }

    [Fact]
    public async Task GarbageFileIsADatabaseError()
    {
        await File.WriteAllTextAsync(root.Paths.MetadataDatabase, new string('x', 4096));

        var ex = await Assert.ThrowsAsync<KilnException>(() => MetadataDatabase.OpenAsync(root.Paths, CancellationToken.None));

        Assert.Equal(ErrorCodes.MetadataDatabaseFailed, ex.Code);
    }

    internal static Task<List<object>> ScalarsAsync(MetadataDatabase db, string sql) =>
        db.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync(ct);
                var values = new List<object>();
                while (await reader.ReadAsync(ct))
                {
                    values.Add(reader.GetValue(0));
                }

                return values;
            },
            CancellationToken.None);

    internal static Task<int> ExecuteAsync(MetadataDatabase db, string sql) =>
        db.WriteAsync(
            async (SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                return await command.ExecuteNonQueryAsync(ct);
            },
            CancellationToken.None);
}

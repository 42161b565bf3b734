using System.Collections.Immutable;
using Kiln.Diagnostics;
using Kiln.Oci;
using Microsoft.Data.Sqlite;

namespace Kiln.Solver.Cache;

/// <summary>
/// Cache records in their own table of a SQLite database file. WAL mode and a busy timeout let several kiln
/// processes share the file; each write is one statement, so a killed process leaves whole records only.
/// </summary>
internal sealed class SqliteCacheStore : ICacheStore, IDisposable
{
    private const int BusyTimeoutMilliseconds = 30_000;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS solver_cache (
            key TEXT PRIMARY KEY NOT NULL,
            results TEXT NOT NULL,
            size INTEGER NOT NULL,
            created INTEGER NOT NULL,
            last_used INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS solver_cache_last_used ON solver_cache (last_used);
        """;

    private readonly string connectionString;
    private readonly TimeProvider time;

    private SqliteCacheStore(string connectionString, TimeProvider time)
    {
        this.connectionString = connectionString;
        this.time = time;
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/> and its cache table.</summary>
    public static async Task<SqliteCacheStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            Pooling = true,
        };
        var store = new SqliteCacheStore(builder.ToString(), time);
        await store.ExecuteAsync("PRAGMA journal_mode=WAL;" + Schema, _ => { }, cancellationToken).ConfigureAwait(false);
        return store;
    }

    public async Task<CacheRecord?> LookupAsync(Digest key, CancellationToken cancellationToken)
    {
        const string Sql = "UPDATE solver_cache SET last_used = $now WHERE key = $key RETURNING key, results, size, created, last_used;";
        return await QueryAsync(Sql, p =>
        {
            p.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            p.AddWithValue("$key", key.ToString());
        }, cancellationToken).ConfigureAwait(false) is [var record] ? record : null;
    }

    public async Task<CacheRecord> RecordAsync(Digest key, ImmutableArray<OpResult> results, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO solver_cache (key, results, size, created, last_used) VALUES ($key, $results, $size, $now, $now)
            ON CONFLICT (key) DO UPDATE SET results = excluded.results, size = excluded.size,
                created = excluded.created, last_used = excluded.last_used;
            """;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var record = new CacheRecord(key, results, results.Sum(r => r.Size), now, now);
        await ExecuteAsync(Sql, p =>
        {
            p.AddWithValue("$key", key.ToString());
            p.AddWithValue("$results", CacheResultsCodec.Encode(results));
            p.AddWithValue("$size", record.Size);
            p.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        }, cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<bool> RemoveAsync(Digest key, CancellationToken cancellationToken)
    {
        var removed = await QueryAsync("DELETE FROM solver_cache WHERE key = $key RETURNING key, results, size, created, last_used;",
            p => p.AddWithValue("$key", key.ToString()), cancellationToken).ConfigureAwait(false);
        return removed.Length > 0;
    }

    public async Task<ImmutableArray<CacheRecord>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT key, results, size, created, last_used FROM solver_cache ORDER BY last_used, key;", _ => { },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the pooled connections so that the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<ImmutableArray<CacheRecord>> QueryAsync(
        string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        var rows = ImmutableArray.CreateBuilder<CacheRecord>();
        await ExecuteAsync(sql, bind, cancellationToken, async reader =>
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = Digest.Parse(reader.GetString(0));
                rows.Add(new CacheRecord(
                    key,
                    CacheResultsCodec.Decode(key, reader.GetString(1)),
                    reader.GetInt64(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }
        }).ConfigureAwait(false);
        return rows.ToImmutable();
    }

    private Task ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        ExecuteAsync(sql, bind, cancellationToken, null);

    private async Task ExecuteAsync(
        string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken, Func<SqliteDataReader, Task>? read)
    {
        try
        {
            var connection = new SqliteConnection(connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var pragma = connection.CreateCommand();
                await using (pragma.ConfigureAwait(false))
                {
                    pragma.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = sql;
                    bind(command.Parameters);
                    if (read is null)
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await read(reader).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (SqliteException e)
        {
            throw new KilnException(ErrorCodes.CacheStoreFailed, $"cache database: {e.Message}", inner: e);
        }
    }
}

using System.Collections.Immutable;
using Kiln.Content.Metadata;
using Kiln.Oci;
using Microsoft.Data.Sqlite;

namespace Kiln.Solver.Cache;

/// <summary>
/// Cache records in the solver_cache table of kiln's one metadata database (WAL, busy timeout, BEGIN IMMEDIATE
/// writes), so several kiln processes share them and a killed process leaves whole records only.
/// </summary>
internal sealed class SqliteCacheStore(MetadataDatabase database) : ICacheStore, IDisposable
{
    private const string Columns = "key, results, size, created, last_used";

    /// <summary>Opens (creating and migrating if needed) the metadata database file at <paramref name="path"/>.</summary>
    public static async Task<SqliteCacheStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken) =>
        new(await MetadataDatabase.OpenAsync(path, MetadataMigrations.All, time, cancellationToken).ConfigureAwait(false));

    public async Task<CacheRecord?> LookupAsync(Digest key, CancellationToken cancellationToken)
    {
        var rows = await database.WriteAsync(
            (connection, transaction, ct) => QueryAsync(
                connection,
                transaction,
                $"UPDATE solver_cache SET last_used = $now WHERE key = $key RETURNING {Columns};",
                p =>
                {
                    p.AddWithValue("$now", Now().ToUnixTimeMilliseconds());
                    p.AddWithValue("$key", key.ToString());
                },
                ct),
            cancellationToken).ConfigureAwait(false);
        return rows is [var record] ? record : null;
    }

    public async Task<CacheRecord> RecordAsync(Digest key, ImmutableArray<OpResult> results, CancellationToken cancellationToken)
    {
        var now = Now();
        var record = new CacheRecord(key, results, results.Sum(r => r.Size), now, now);
        await database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT INTO solver_cache ({Columns}) VALUES ($key, $results, $size, $now, $now)
                    ON CONFLICT (key) DO UPDATE SET results = excluded.results, size = excluded.size,
                        created = excluded.created, last_used = excluded.last_used;
                    """;
                command.Parameters.AddWithValue("$key", key.ToString());
                command.Parameters.AddWithValue("$results", CacheResultsCodec.Encode(results));
                command.Parameters.AddWithValue("$size", record.Size);
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    public async Task<bool> RemoveAsync(Digest key, CancellationToken cancellationToken)
    {
        var removed = await database.WriteAsync(
            (connection, transaction, ct) => QueryAsync(
                connection, transaction, $"DELETE FROM solver_cache WHERE key = $key RETURNING {Columns};", p => p.AddWithValue("$key", key.ToString()), ct),
            cancellationToken).ConfigureAwait(false);
        return removed.Length > 0;
    }

    public Task<ImmutableArray<CacheRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            (connection, ct) => QueryAsync(connection, null, $"SELECT {Columns} FROM solver_cache ORDER BY last_used, key;", _ => { }, ct),
            cancellationToken);

    /// <summary>Closes pooled connections so that the file can be moved or deleted.</summary>
    public void Dispose() => SqliteConnection.ClearAllPools();

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(database.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());

    private static async Task<ImmutableArray<CacheRecord>> QueryAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        var rows = ImmutableArray.CreateBuilder<CacheRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

        return rows.ToImmutable();
    }
}

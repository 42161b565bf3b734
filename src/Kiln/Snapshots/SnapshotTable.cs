using System.Collections.Immutable;
using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kiln.Snapshots;

/// <summary>The <c>snapshots</c> table: keys, directory ids, parents, kinds and sizes of every snapshot of a kiln root.</summary>
internal sealed class SnapshotTable(MetadataDatabase database)
{
    private const string Columns = "id, key, driver, parent, kind, created, size";

    /// <summary>Records a new snapshot in the preparing state; the parent must exist, be committed and use the same driver.</summary>
    public Task<SnapshotInfo> InsertPreparingAsync(string key, string? parent, string driver, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (await GetAsync(connection, transaction, key, ct).ConfigureAwait(false) is not null)
                {
                    throw new KilnException(ErrorCodes.SnapshotExists, $"snapshot \"{key}\" already exists");
                }

                if (parent is not null)
                {
                    var parentInfo = await GetAsync(connection, transaction, parent, ct).ConfigureAwait(false)
                        ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"parent snapshot \"{parent}\" does not exist");
                    if (parentInfo.Kind != SnapshotKind.Committed || parentInfo.Driver != driver)
                    {
                        throw new KilnException(
                            ErrorCodes.SnapshotStateInvalid,
                            $"parent snapshot \"{parent}\" is {parentInfo.Kind} ({parentInfo.Driver}); only a committed {driver} snapshot can be a parent");
                    }
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO snapshots (key, driver, parent, kind, created, size) VALUES ($key, $driver, $parent, 'preparing', $created, 0) RETURNING id, created";
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$driver", driver);
                command.Parameters.AddWithValue("$parent", (object?)parent ?? DBNull.Value);
                command.Parameters.AddWithValue("$created", database.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(ct).ConfigureAwait(false);
                    return new SnapshotInfo(reader.GetInt64(0), key, driver, parent, SnapshotKind.Preparing, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), 0);
                }
            },
            cancellationToken);

    /// <summary>Moves a snapshot from one kind to the next (renaming it on commit); fails when it is not in the expected kind.</summary>
    public Task<SnapshotInfo> TransitionAsync(string key, SnapshotKind from, SnapshotKind to, string newKey, long size, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var info = await GetAsync(connection, transaction, key, ct).ConfigureAwait(false)
                    ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" does not exist");
                if (info.Kind != from)
                {
                    throw new KilnException(ErrorCodes.SnapshotStateInvalid, $"snapshot \"{key}\" is {info.Kind}, expected {from}");
                }

                if (newKey != key && await GetAsync(connection, transaction, newKey, ct).ConfigureAwait(false) is not null)
                {
                    throw new KilnException(ErrorCodes.SnapshotExists, $"snapshot \"{newKey}\" already exists");
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE snapshots SET key = $new, kind = $kind, size = $size WHERE key = $key";
                command.Parameters.AddWithValue("$new", newKey);
                command.Parameters.AddWithValue("$kind", Format(to));
                command.Parameters.AddWithValue("$size", size);
                command.Parameters.AddWithValue("$key", key);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return info with { Key = newKey, Kind = to, Size = size };
            },
            cancellationToken);

    /// <summary>Deletes a snapshot's record; a snapshot that is the parent of another cannot be removed (KILN1703).</summary>
    public Task<SnapshotInfo> DeleteAsync(string key, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                var info = await GetAsync(connection, transaction, key, ct).ConfigureAwait(false)
                    ?? throw new KilnException(ErrorCodes.SnapshotNotFound, $"snapshot \"{key}\" does not exist");
                using var children = connection.CreateCommand();
                children.Transaction = transaction;
                children.CommandText = "SELECT COUNT(*) FROM snapshots WHERE parent = $key";
                children.Parameters.AddWithValue("$key", key);
                if ((long)(await children.ExecuteScalarAsync(ct).ConfigureAwait(false))! > 0)
                {
                    throw new KilnException(ErrorCodes.SnapshotInUse, $"snapshot \"{key}\" is the parent of other snapshots");
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM snapshots WHERE key = $key";
                command.Parameters.AddWithValue("$key", key);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return info;
            },
            cancellationToken);

    public Task<SnapshotInfo?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync((connection, ct) => GetAsync(connection, null, key, ct), cancellationToken);

    /// <summary>Every snapshot of one driver, by id.</summary>
    public Task<ImmutableArray<SnapshotInfo>> ListAsync(string driver, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM snapshots WHERE driver = $driver ORDER BY id";
                command.Parameters.AddWithValue("$driver", driver);
                return await ReadAllAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<SnapshotInfo?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM snapshots WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var all = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return all.IsEmpty ? null : all[0];
    }

    private static async Task<ImmutableArray<SnapshotInfo>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var result = ImmutableArray.CreateBuilder<SnapshotInfo>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                result.Add(new SnapshotInfo(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    Parse(reader.GetString(4)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    reader.GetInt64(6)));
            }

            return result.ToImmutable();
        }
    }

    private static string Format(SnapshotKind kind) => kind switch
    {
        SnapshotKind.Preparing => "preparing",
        SnapshotKind.Active => "active",
        _ => "committed",
    };

    private static SnapshotKind Parse(string kind) => kind switch
    {
        "preparing" => SnapshotKind.Preparing,
        "active" => SnapshotKind.Active,
        "committed" => SnapshotKind.Committed,
        _ => throw new KilnException(ErrorCodes.MetadataRecordInvalid, $"unknown snapshot kind \"{kind}\" in the metadata database"),
    };
}

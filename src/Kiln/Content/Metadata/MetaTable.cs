using Microsoft.Data.Sqlite;

namespace Kiln.Content.Metadata;

/// <summary>The generic key/value table (<c>meta</c>) for small settings and markers.</summary>
internal sealed class MetaTable(MetadataDatabase database)
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT value FROM meta WHERE key = $key";
                command.Parameters.AddWithValue("$key", key);
                return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
            },
            cancellationToken);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (connection, transaction, ct) => SetAsync(connection, transaction, key, value, ct),
            cancellationToken);

    /// <summary>Sets a key inside a caller's write transaction.</summary>
    public static async Task<int> SetAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string key,
        string value,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns true when the key existed.</summary>
    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM meta WHERE key = $key";
                command.Parameters.AddWithValue("$key", key);
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);
}

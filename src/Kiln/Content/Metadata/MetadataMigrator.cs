using System.Collections.Immutable;
using Kiln.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kiln.Content.Metadata;

/// <summary>
/// Brings a database to the latest schema: all missing steps run in one <c>BEGIN IMMEDIATE</c> transaction, so
/// concurrent processes migrate it exactly once and a failed step leaves the previous schema intact.
/// </summary>
internal static class MetadataMigrator
{
    /// <summary>Returns the schema version after migration.</summary>
    public static async Task<int> MigrateAsync(
        SqliteConnection connection,
        ImmutableArray<MetadataMigration> migrations,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        Validate(migrations);
        var latest = migrations.IsEmpty ? 0 : migrations[^1].Version;
        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY NOT NULL,
                name    TEXT NOT NULL,
                applied INTEGER NOT NULL
            );
            """, cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > latest)
        {
            throw new KilnException(
                ErrorCodes.MetadataSchemaTooNew,
                $"metadata database {connection.DataSource} has schema version {current}, newer than the {latest} this kiln knows: " +
                "a newer kiln wrote it; upgrade kiln or use another KILN_ROOT");
        }

        foreach (var step in migrations.Where(m => m.Version > current))
        {
            try
            {
                await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException ex)
            {
                throw new KilnException(
                    ErrorCodes.MetadataMigrationFailed,
                    $"metadata database {connection.DataSource}: schema step {step.Version} ({step.Name}) failed: {ex.Message}",
                    inner: ex);
            }

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied) VALUES ($version, $name, $applied)";
            record.Parameters.AddWithValue("$version", step.Version);
            record.Parameters.AddWithValue("$name", step.Name);
            record.Parameters.AddWithValue("$applied", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Math.Max(current, latest);
    }

    public static async Task<int> CurrentVersionAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(ImmutableArray<MetadataMigration> migrations)
    {
        for (var i = 0; i < migrations.Length; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new KilnException(
                    ErrorCodes.Internal,
                    $"metadata migration \"{migrations[i].Name}\" has version {migrations[i].Version}, expected {i + 1}: versions must count up from 1");
            }
        }
    }
}

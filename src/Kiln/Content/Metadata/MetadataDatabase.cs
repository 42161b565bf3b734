using System.Collections.Immutable;
using Kiln.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kiln.Content.Metadata;

/// <summary>
/// The one SQLite database of a kiln root (<c>&lt;root&gt;/metadata.db</c>) in WAL mode. Every operation opens a
/// pooled connection; writes run in <c>BEGIN IMMEDIATE</c> transactions and wait on other processes through the
/// busy timeout, so concurrent kiln processes share it safely. Tables are typed views such as <see cref="ImageTable"/>.
/// </summary>
internal sealed class MetadataDatabase
{
    /// <summary>How long a statement waits for another process's write lock before failing with KILN1208.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    private readonly string connectionString;

    private MetadataDatabase(string path, int schemaVersion, TimeProvider timeProvider)
    {
        Path = path;
        SchemaVersion = schemaVersion;
        TimeProvider = timeProvider;
        connectionString = ConnectionString(path);
    }

    public string Path { get; }

    /// <summary>The schema version after opening (the latest known one).</summary>
    public int SchemaVersion { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Opens (creating if needed) and migrates the database of a kiln root.</summary>
    public static Task<MetadataDatabase> OpenAsync(KilnPaths paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return OpenAsync(paths.MetadataDatabase, MetadataMigrations.All, TimeProvider.System, cancellationToken);
    }

    /// <summary>Opens a database at an explicit path with an explicit list of schema steps (tests use a prefix of the list).</summary>
    public static async Task<MetadataDatabase> OpenAsync(
        string path,
        ImmutableArray<MetadataMigration> migrations,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        SqliteRuntime.EnsureInitialized();
        var fullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        try
        {
            var connection = await OpenConnectionAsync(ConnectionString(fullPath), cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using (var wal = connection.CreateCommand())
                {
                    // Persistent in the file; must run outside a transaction.
                    wal.CommandText = "PRAGMA journal_mode = WAL";
                    await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                }

                var version = await MetadataMigrator.MigrateAsync(connection, migrations, timeProvider, cancellationToken).ConfigureAwait(false);
                return new MetadataDatabase(fullPath, version, timeProvider);
            }
        }
        catch (SqliteException ex)
        {
            throw Failed(fullPath, ex);
        }
    }

    /// <summary>Runs a read on its own connection (a consistent WAL snapshot per statement).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            var connection = await OpenConnectionAsync(connectionString, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await read(connection, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SqliteException ex)
        {
            throw Failed(Path, ex);
        }
    }

    /// <summary>
    /// Runs a write in a <c>BEGIN IMMEDIATE</c> transaction and commits it; an exception rolls everything back.
    /// The write lock is taken up front, so the transaction never fails half way with SQLITE_BUSY.
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            var connection = await OpenConnectionAsync(connectionString, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
        catch (SqliteException ex)
        {
            throw Failed(Path, ex);
        }
    }

    /// <summary>Runs SQLite's own consistency check; returns its messages (just "ok" for a healthy file).</summary>
    public Task<ImmutableArray<string>> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA integrity_check";
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var lines = ImmutableArray.CreateBuilder<string>();
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        lines.Add(reader.GetString(0));
                    }

                    return lines.ToImmutable();
                }
            },
            cancellationToken);

    private static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    private static async Task<SqliteConnection> OpenConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText =
                $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static KilnException Failed(string path, SqliteException ex) =>
        new(ErrorCodes.MetadataDatabaseFailed, $"metadata database {path}: {ex.Message} (SQLite error {ex.SqliteErrorCode})", inner: ex);
}

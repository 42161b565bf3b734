using Kiln.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Kiln.Context;

/// <summary>
/// A persistent map from a context file's identity (path, size, mtime and ctime in ns, inode, mode) to the
/// sha256 of its content, so that hashing an unchanged context reads no file. It is a small SQLite table with
/// one row per context root whose value packs every record (see <see cref="StatCacheCodec"/>): loading a
/// 100,000-file context is one row read, and a save drops records of files that no longer exist.
/// </summary>
internal sealed class StatCache : IDisposable
{
    private readonly SqliteConnection _connection;

    private StatCache(SqliteConnection connection) => _connection = connection;

    public static StatCache Open(string databasePath)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                PRAGMA busy_timeout=5000;
                CREATE TABLE IF NOT EXISTS context_stat_cache (
                    root TEXT PRIMARY KEY,
                    records BLOB NOT NULL,
                    updated_unix_ms INTEGER NOT NULL
                );
                """;
            command.ExecuteNonQuery();
            return new StatCache(connection);
        }
        catch (SqliteException ex)
        {
            throw new KilnException(ErrorCodes.ContextStatCacheFailed, $"cannot open stat cache {databasePath}: {ex.Message}", inner: ex);
        }
    }

    /// <summary>The records saved for the context at <paramref name="root"/>, keyed by relative path.</summary>
    public Dictionary<string, StatCacheRecord> Load(string root) => StatCacheCodec.ToDictionary(LoadInOrder(root));

    /// <summary>The records saved for the context at <paramref name="root"/>, in the order they were saved.</summary>
    public KeyValuePair<string, StatCacheRecord>[] LoadInOrder(string root)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT records FROM context_stat_cache WHERE root = $root";
            command.Parameters.AddWithValue("$root", root);
            using var reader = command.ExecuteReader();
            return reader.Read() ? StatCacheCodec.DecodeList((byte[])reader.GetValue(0)) : [];
        }
        catch (SqliteException ex)
        {
            throw new KilnException(ErrorCodes.ContextStatCacheFailed, $"cannot read stat cache: {ex.Message}", inner: ex);
        }
    }

    /// <summary>Replaces the records of the context at <paramref name="root"/>.</summary>
    public void Save(string root, IReadOnlyCollection<KeyValuePair<string, StatCacheRecord>> records, DateTimeOffset now)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "INSERT OR REPLACE INTO context_stat_cache (root, records, updated_unix_ms) VALUES ($root, $records, $now)";
            command.Parameters.AddWithValue("$root", root);
            command.Parameters.AddWithValue("$records", StatCacheCodec.Encode(records));
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw new KilnException(ErrorCodes.ContextStatCacheFailed, $"cannot update stat cache: {ex.Message}", inner: ex);
        }
    }

    public void Dispose() => _connection.Dispose();
}

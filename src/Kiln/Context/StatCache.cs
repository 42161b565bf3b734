using Kiln.Diagnostics;
using Kiln.Oci;
using Microsoft.Data.Sqlite;

namespace Kiln.Context;

/// <summary>
/// A persistent map from a file's identity (absolute path, size, mtime and ctime in ns, inode, mode) to the
/// sha256 of its content, in a small SQLite table, so that hashing an unchanged context reads no file.
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
            Execute(connection, """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                PRAGMA busy_timeout=5000;
                CREATE TABLE IF NOT EXISTS context_stat_cache (
                    path TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    ctime_ns INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    mode INTEGER NOT NULL,
                    digest TEXT NOT NULL
                ) WITHOUT ROWID;
                """);
            return new StatCache(connection);
        }
        catch (SqliteException ex)
        {
            throw new KilnException(ErrorCodes.ContextStatCacheFailed, $"cannot open stat cache {databasePath}: {ex.Message}", inner: ex);
        }
    }

    /// <summary>Loads every record under <paramref name="root"/> in one query, keyed by absolute path.</summary>
    public Dictionary<string, StatCacheRecord> LoadUnder(string root)
    {
        var prefix = root.EndsWith('/') ? root : root + "/";
        var records = new Dictionary<string, StatCacheRecord>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();

        // '/' + 1 == '0': the half-open range [prefix, prefix with its last '/' bumped) holds exactly the paths under it.
        command.CommandText = "SELECT path, size, mtime_ns, ctime_ns, inode, mode, digest FROM context_stat_cache WHERE path >= $lo AND path < $hi";
        command.Parameters.AddWithValue("$lo", prefix);
        command.Parameters.AddWithValue("$hi", prefix[..^1] + "0");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Digest.TryParse(reader.GetString(6), out var digest))
            {
                var record = new StatCacheRecord(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), unchecked((ulong)reader.GetInt64(4)), (uint)reader.GetInt64(5), digest);
                records[reader.GetString(0)] = record;
            }
        }

        return records;
    }

    /// <summary>Stores records in one transaction.</summary>
    public void Store(IReadOnlyCollection<KeyValuePair<string, StatCacheRecord>> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            using var transaction = _connection.BeginTransaction();
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO context_stat_cache (path, size, mtime_ns, ctime_ns, inode, mode, digest) VALUES ($p, $s, $m, $c, $i, $o, $d)";
            var parameters = new[] { "$p", "$s", "$m", "$c", "$i", "$o", "$d" }.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
            foreach (var (path, record) in records)
            {
                parameters[0].Value = path;
                parameters[1].Value = record.Size;
                parameters[2].Value = record.MtimeNs;
                parameters[3].Value = record.CtimeNs;
                parameters[4].Value = unchecked((long)record.Inode);
                parameters[5].Value = (long)record.Mode;
                parameters[6].Value = record.Digest.ToString();
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            throw new KilnException(ErrorCodes.ContextStatCacheFailed, $"cannot update stat cache: {ex.Message}", inner: ex);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

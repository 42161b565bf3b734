using Kiln.Content.Metadata;
using Kiln.Diagnostics;
using Kiln.Oci;
using Kiln.Snapshots;
using Microsoft.Data.Sqlite;

namespace Kiln.Export.Layers;

/// <summary>
/// The <c>snapshot_layers</c> table: which blob a committed snapshot exports as, per <see cref="LayerVariant"/>, so
/// a second export finds its layers instead of diffing again, and a pulled image's layers keep their original blobs.
/// </summary>
internal sealed class SnapshotLayerTable(MetadataDatabase database)
{
    /// <summary>Records (or replaces) the layer of a snapshot for one variant.</summary>
    public Task PutAsync(SnapshotInfo snapshot, string variant, SnapshotLayer layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(layer);
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO snapshot_layers (snapshot, snapshot_id, variant, media_type, digest, size, diff_id)
                    VALUES ($snapshot, $id, $variant, $media_type, $digest, $size, $diff_id)
                    ON CONFLICT (snapshot, variant) DO UPDATE SET snapshot_id = excluded.snapshot_id,
                        media_type = excluded.media_type, digest = excluded.digest, size = excluded.size, diff_id = excluded.diff_id
                    """;
                command.Parameters.AddWithValue("$snapshot", snapshot.Key);
                command.Parameters.AddWithValue("$id", snapshot.Id);
                command.Parameters.AddWithValue("$variant", variant);
                command.Parameters.AddWithValue("$media_type", layer.Layer.MediaType);
                command.Parameters.AddWithValue("$digest", layer.Layer.Digest.ToString());
                command.Parameters.AddWithValue("$size", layer.Layer.Size);
                command.Parameters.AddWithValue("$diff_id", layer.DiffId.ToString());
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The recorded layer of this very snapshot (same key and id) for a variant, or null.</summary>
    public Task<SnapshotLayer?> GetAsync(SnapshotInfo snapshot, string variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT media_type, digest, size, diff_id FROM snapshot_layers
                    WHERE snapshot = $snapshot AND snapshot_id = $id AND variant = $variant
                    """;
                command.Parameters.AddWithValue("$snapshot", snapshot.Key);
                command.Parameters.AddWithValue("$id", snapshot.Id);
                command.Parameters.AddWithValue("$variant", variant);
                var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader, snapshot.Key) : null;
                }
            },
            cancellationToken);
    }

    private static SnapshotLayer Read(SqliteDataReader reader, string snapshot)
    {
        if (!Digest.TryParse(reader.GetString(1), out var digest, out var error) || !Digest.TryParse(reader.GetString(3), out var diffId, out error))
        {
            throw new KilnException(ErrorCodes.MetadataRecordInvalid, $"the layer record of snapshot \"{snapshot}\" has an invalid digest: {error}");
        }

        return new SnapshotLayer(new Descriptor(reader.GetString(0), digest, reader.GetInt64(2)), diffId);
    }
}

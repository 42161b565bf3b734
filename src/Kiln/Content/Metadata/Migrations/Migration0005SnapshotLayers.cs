namespace Kiln.Content.Metadata.Migrations;

/// <summary>
/// Schema 5: the layer blob of each committed snapshot per export variant (compression, level, media types, mtime
/// clamp); variant <c>source</c> is the original blob of a pulled image's layer. A row is valid only for the snapshot
/// id it names, so a snapshot removed and recreated under the same key is diffed again.
/// </summary>
internal static class Migration0005SnapshotLayers
{
    public static MetadataMigration Step { get; } = new(5, "snapshot_layers", """
        CREATE TABLE snapshot_layers (
            snapshot     TEXT NOT NULL,
            snapshot_id  INTEGER NOT NULL,
            variant      TEXT NOT NULL,
            media_type   TEXT NOT NULL,
            digest       TEXT NOT NULL,
            size         INTEGER NOT NULL CHECK (size >= 0),
            diff_id      TEXT NOT NULL,
            PRIMARY KEY (snapshot, variant)
        );
        """);
}

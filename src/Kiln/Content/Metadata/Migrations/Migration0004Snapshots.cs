namespace Kiln.Content.Metadata.Migrations;

/// <summary>Schema 4: snapshots (prepared, active or committed root filesystem directories) and their parent chains.</summary>
internal static class Migration0004Snapshots
{
    public static MetadataMigration Step { get; } = new(4, "snapshots", """
        CREATE TABLE snapshots (
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            key      TEXT NOT NULL UNIQUE,
            driver   TEXT NOT NULL,
            parent   TEXT REFERENCES snapshots (key) ON UPDATE CASCADE,
            kind     TEXT NOT NULL CHECK (kind IN ('preparing', 'active', 'committed')),
            created  INTEGER NOT NULL,
            size     INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0)
        );
        CREATE INDEX snapshots_by_parent ON snapshots (parent);
        """);
}

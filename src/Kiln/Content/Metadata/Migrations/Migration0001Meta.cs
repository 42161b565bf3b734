namespace Kiln.Content.Metadata.Migrations;

/// <summary>Schema 1: a generic key/value table for small settings and markers.</summary>
internal static class Migration0001Meta
{
    public static MetadataMigration Step { get; } = new(1, "meta", """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """);
}

namespace Kiln.Content.Metadata.Migrations;

/// <summary>Schema 2: named images pointing at a root descriptor (manifest or index) in the content store.</summary>
internal static class Migration0002Images
{
    public static MetadataMigration Step { get; } = new(2, "images", """
        CREATE TABLE images (
            name       TEXT PRIMARY KEY NOT NULL,
            digest     TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size       INTEGER NOT NULL CHECK (size >= 0),
            platforms  TEXT NOT NULL DEFAULT '',
            created    INTEGER NOT NULL
        );
        CREATE INDEX images_by_digest ON images (digest);
        """);
}

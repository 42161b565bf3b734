namespace Kiln.Content.Metadata.Migrations;

/// <summary>Schema 6: registry repositories known to hold a blob (pull sources and push targets), for cross-repository mounts.</summary>
internal static class Migration0006BlobOrigins
{
    public static MetadataMigration Step { get; } = new(6, "blob_origins", """
        CREATE TABLE blob_origins (
            digest     TEXT NOT NULL,
            registry   TEXT NOT NULL,
            repository TEXT NOT NULL,
            recorded   INTEGER NOT NULL,
            PRIMARY KEY (digest, registry, repository)
        );
        """);
}

namespace Kiln.Content.Metadata.Migrations;

/// <summary>Schema 3: the solver's cache records (cache key → results, size, created, last used).</summary>
internal static class Migration0003SolverCache
{
    public static MetadataMigration Step { get; } = new(3, "solver cache", """
        CREATE TABLE solver_cache (
            key       TEXT PRIMARY KEY NOT NULL,
            results   TEXT NOT NULL,
            size      INTEGER NOT NULL,
            created   INTEGER NOT NULL,
            last_used INTEGER NOT NULL
        );
        CREATE INDEX solver_cache_last_used ON solver_cache (last_used);
        """);
}

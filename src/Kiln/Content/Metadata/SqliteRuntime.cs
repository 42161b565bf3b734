namespace Kiln.Content.Metadata;

/// <summary>
/// Loads the bundled native SQLite once per process. Microsoft.Data.Sqlite finds its provider by reflection,
/// which NativeAOT trims away, so kiln registers it explicitly before the first connection.
/// </summary>
internal static class SqliteRuntime
{
    static SqliteRuntime() => SQLitePCL.Batteries_V2.Init();

    /// <summary>Runs the one-time initialization (the static constructor) if it has not run yet.</summary>
    public static void EnsureInitialized()
    {
    }
}

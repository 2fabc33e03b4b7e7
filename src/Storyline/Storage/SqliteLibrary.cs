using SQLitePCL;

namespace Storyline.Storage;

/// <summary>
/// Process-wide settings of the SQLite library, made before its first connection (SQLite accepts them only then).
/// </summary>
internal static class SqliteLibrary
{
    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Whether the settings took: false when a connection was opened in this process before (the library then
    /// keeps its defaults, which are correct, only slower with two busy connections).
    /// </summary>
    public static bool MemoryStatisticsOff => Configured.Value;

    /// <summary>Applies the settings once; call before opening a connection.</summary>
    public static void EnsureConfigured() => _ = Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();

        // With memory statistics on (SQLite's default), every allocation takes one process-wide mutex. Grouping's
        // connection and the full-text indexer's (which allocates for every token) then queue on it: on 37k
        // articles, two fifths of grouping's thread switches were waits for that mutex. Nothing here reads the
        // statistics.
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}

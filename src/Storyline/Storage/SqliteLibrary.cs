using SQLitePCL;

namespace Storyline.Storage;

/// <summary>
/// Process-wide settings of the SQLite library, made before its first connection (SQLite accepts them only then).
/// </summary>
internal static class SqliteLibrary
{
    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Applies the settings once; call before opening a connection. After a connection has been opened in this
    /// process SQLite refuses them and keeps its defaults, which are correct, only slower with two busy connections.
    /// </summary>
    public static void EnsureConfigured() => _ = Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();

        // With memory statistics on (SQLite's default), every allocation takes one process-wide mutex. Grouping's
        // connection and the full-text indexer's (which allocates for every token) then queue on it: on 37k
        // articles, two fifths of grouping's thread switches were waits for that mutex (whole runs were not measurably
        // faster without it: the cores are busy either way). Nothing here reads the statistics.
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0) == raw.SQLITE_OK;
    }
}

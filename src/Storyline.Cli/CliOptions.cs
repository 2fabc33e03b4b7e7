using System.CommandLine;

namespace Storyline.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    /// <summary>The <c>--db</c> option; <paramref name="creates"/> for commands that create the database when missing.</summary>
    public static Option<string> Database(bool creates = false) => new("--db")
    {
        Description = creates ? "SQLite database file (created if missing)" : "SQLite database file (as 'ingest' made it)",
        DefaultValueFactory = _ => "storyline.db",
        HelpName = "PATH",
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };
}

using System.CommandLine;

namespace Storyline.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<string> Database() => new("--db")
    {
        Description = "SQLite database file (created on first use)",
        DefaultValueFactory = _ => "storyline.db",
        HelpName = "PATH",
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };
}

using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>Opens the database named by <c>--db</c>, turning failures into a message and exit code 2.</summary>
internal static class StoreOpener
{
    /// <summary>For commands that store: the database is created when it does not exist.</summary>
    public static SqliteStoryStore? TryOpen(string path, TextWriter error) => TryOpen(SqliteStoryStore.Open, path, error);

    /// <summary>For reading commands: the database must exist, and is opened without writing to it.</summary>
    public static SqliteStoryStore? TryOpenForReading(string path, TextWriter error) => TryOpen(SqliteStoryStore.OpenForReading, path, error);

    private static SqliteStoryStore? TryOpen(Func<string, SqliteStoryStore> open, string path, TextWriter error)
    {
        try
        {
            return open(path);
        }
        catch (StoreException e)
        {
            error.WriteLine($"storyline: {TerminalText.Safe(e.Message)}");
            return null;
        }
    }
}

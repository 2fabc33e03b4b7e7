using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>Opens the database named by <c>--db</c>, turning failures into a message and exit code 2.</summary>
internal static class StoreOpener
{
    public static SqliteStoryStore? TryOpen(string path, TextWriter error)
    {
        try
        {
            return SqliteStoryStore.Open(path);
        }
        catch (StoreException e)
        {
            error.WriteLine($"storyline: {TerminalText.Safe(e.Message)}");
            return null;
        }
    }
}

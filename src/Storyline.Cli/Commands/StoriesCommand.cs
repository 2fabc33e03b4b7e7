using System.CommandLine;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline stories [--json]</c>: stories, newest activity first.</summary>
internal static class StoriesCommand
{
    public static Command Create(CliConsole console)
    {
        var json = CliOptions.Json("One JSON object a line: {\"story\", \"title\", \"articles\": [{\"id\", \"outlet\", \"title\", \"published\"}]}");
        var limit = new Option<int?>("--limit") { Description = "Show at most this many stories", HelpName = "N" };
        var database = CliOptions.Database();
        var command = new Command("stories", "List stories, newest activity first.") { json, limit, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(database)!, parsed.GetValue(json), parsed.GetValue(limit)));
        return command;
    }

    private static int Run(CliConsole console, string databasePath, bool json, int? limit)
    {
        if (limit is < 1)
        {
            console.Error.WriteLine("storyline: --limit must be at least 1");
            return ExitCodes.Usage;
        }

        using var store = StoreOpener.TryOpenForReading(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        Write(console.Output, store.ListStories(limit ?? int.MaxValue), json);
        return ExitCodes.Success;
    }

    /// <summary>Writes stories as text lines or, with <paramref name="json"/>, as JSON lines.</summary>
    public static void Write(TextWriter output, IReadOnlyList<StorySummary> stories, bool json)
    {
        if (json)
        {
            var lines = new JsonLines(output);
            foreach (var story in stories)
            {
                lines.Write(writer => StoryJson.Write(writer, story));
            }
        }
        else
        {
            foreach (var story in stories)
            {
                WriteText(output, story);
            }
        }
    }

    private static void WriteText(TextWriter output, StorySummary story)
    {
        var outlets = story.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();
        var when = story.LastUpdated is null ? "undated" : story.LastUpdated[..10];
        output.WriteLine($"{story.Id,6}  {when}  {story.Articles.Count,3} articles, {outlets,2} outlets  {TerminalText.Safe(story.Title)}");
    }
}

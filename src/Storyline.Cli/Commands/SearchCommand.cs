using System.CommandLine;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline search QUERY</c>: full-text search over stored titles and texts.</summary>
internal static class SearchCommand
{
    public static Command Create(CliConsole console)
    {
        var query = new Argument<string>("QUERY") { Description = "Words (any text: covid-19, U.S., a URL), \"a phrase\", AND/OR/NOT between terms, prefix*, title:word; at most 64 words" };
        var limit = new Option<int>("--limit") { Description = "At most this many articles", DefaultValueFactory = _ => 20, HelpName = "N" };
        var json = CliOptions.Json("One JSON object a line: {\"id\", \"story\", \"outlet\", \"title\", \"published\", \"url\", \"snippet\"}");
        var database = CliOptions.Database();
        var command = new Command("search", "Find stored articles by words in their title or text, best match first.") { query, limit, json, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(database)!, parsed.GetValue(query)!, parsed.GetValue(limit), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string databasePath, string query, int limit, bool json)
    {
        if (limit < 1 || string.IsNullOrWhiteSpace(query))
        {
            console.Error.WriteLine("storyline: search needs a non-empty QUERY and --limit of at least 1");
            return ExitCodes.Usage;
        }

        using var store = StoreOpener.TryOpenForReading(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = store.Search(query, limit);
        }
        catch (StoreException e)
        {
            console.Error.WriteLine($"storyline: {TerminalText.Safe(e.Message)}");
            return ExitCodes.Usage;
        }

        var lines = new JsonLines(console.Output);
        foreach (var (article, story, snippet) in hits)
        {
            if (json)
            {
                lines.Write(writer =>
                {
                    writer.WriteString("id", article.ExternalId);
                    if (story is { } id)
                    {
                        writer.WriteNumber("story", id);
                    }
                    else
                    {
                        writer.WriteNull("story");
                    }

                    writer.WriteString("outlet", article.Outlet);
                    writer.WriteString("title", article.Title);
                    writer.WriteString("published", article.Published);
                    writer.WriteString("url", article.Url);
                    writer.WriteString("snippet", snippet);
                });
            }
            else
            {
                console.Output.WriteLine($"story {story?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",-6} {TerminalText.Safe(article.Published ?? "undated"),-20} {TerminalText.Safe(article.Outlet ?? "(unknown outlet)")}: {TerminalText.Safe(article.Title)}");
                if (!string.IsNullOrWhiteSpace(snippet))
                {
                    // A headline-only item (a feed entry) has no text to quote: its title line is the hit.
                    console.Output.WriteLine($"       {TerminalText.Safe(snippet)}");
                }
            }
        }

        return ExitCodes.Success;
    }
}

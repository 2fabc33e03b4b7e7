using System.CommandLine;
using Storyline.Reading.Feeds;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds import FILE.opml</c>: subscribe to every feed of an OPML list (not fetched now: the next poll reads them).</summary>
internal static class FeedsImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE.opml") { Description = "An OPML subscription list (as feed readers export them)" };
        var database = CliOptions.Database();
        var command = new Command("import", "Subscribe to the feeds of an OPML file.") { file, database };
        command.SetAction(parsed => Run(console, parsed.GetValue(file)!, parsed.GetValue(database)!));
        return command;
    }

    private static int Run(CliConsole console, string file, string databasePath)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(file).Length > FeedParser.MaxBytes)
            {
                console.Error.WriteLine($"{TerminalText.Safe(file)}: larger than {FeedParser.MaxBytes / (1024 * 1024)} MB");
                return ExitCodes.SomeInputsFailed;
            }

            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{TerminalText.Safe(file)}: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }

        var (outlines, problems) = Opml.Read(bytes);
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"{TerminalText.Safe(file)}: {TerminalText.Safe(problem)}");
        }

        using var store = StoreOpener.TryOpen(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        int added = 0, known = 0, failed = 0;
        foreach (var outline in outlines)
        {
            if (!Uri.TryCreate(outline.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                console.Error.WriteLine($"{TerminalText.Safe(file)}: {TerminalText.Safe(outline.Url)}: not an http(s) URL");
                failed++;
            }
            else if (store.AddFeed(outline.Url, outline.Title, DateTimeOffset.UtcNow))
            {
                added++;
            }
            else
            {
                known++;
            }
        }

        console.Error.WriteLine($"feeds: {added} added, {known} already subscribed, {failed} refused");
        return failed > 0 || (outlines.Count == 0 && problems.Count > 0) ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}

using System.CommandLine;
using Storyline.Reading.Feeds;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds export</c>: the subscriptions as OPML 2.0 on stdout.</summary>
internal static class FeedsExportCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CliOptions.Database();
        var command = new Command("export", "Print the subscriptions as OPML 2.0.") { database };
        command.SetAction(parsed =>
        {
            using var store = StoreOpener.TryOpenForReading(parsed.GetValue(database)!, console.Error);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var outlines = store.ListFeeds().Select(f => new OpmlOutline(f.Url, f.Title, f.SiteUrl));
            console.Output.WriteLine(Opml.Write(outlines, DateTimeOffset.UtcNow));
            return ExitCodes.Success;
        });
        return command;
    }
}

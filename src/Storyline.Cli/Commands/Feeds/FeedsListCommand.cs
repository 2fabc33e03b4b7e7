using System.CommandLine;
using System.Globalization;
using Storyline.Reading.Feeds;
using Storyline.Storage;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds list [--json]</c>: subscriptions with their polling state.</summary>
internal static class FeedsListCommand
{
    public static Command Create(CliConsole console)
    {
        var database = CliOptions.Database();
        var json = CliOptions.Json("One JSON object a feed: {\"url\", \"title\", \"site_url\", \"last_fetch\", \"status\", \"error\", \"next_due\", \"consecutive_errors\", \"interval_seconds\", \"articles\"}");
        var command = new Command("list", "List subscriptions: URL, title, last fetch, HTTP status, next due, errors in a row, articles stored.") { database, json };
        command.SetAction(parsed =>
        {
            using var store = StoreOpener.TryOpenForReading(parsed.GetValue(database)!, console.Error);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var feeds = store.ListFeeds();
            if (parsed.GetValue(json))
            {
                var lines = new JsonLines(console.Output);
                foreach (var feed in feeds)
                {
                    lines.Write(writer => Storyline.Feeds.SubscriptionJson.WriteProperties(writer, feed));
                }
            }
            else
            {
                WriteText(console.Output, feeds);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<FeedSubscription> feeds)
    {
        if (feeds.Count == 0)
        {
            output.WriteLine("no subscriptions (add some with 'storyline feeds add URL' or 'storyline feeds import FILE.opml')");
            return;
        }

        foreach (var feed in feeds)
        {
            var status = feed.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? (feed.LastFetch is null ? "-" : "err");
            var errors = feed.ConsecutiveErrors > 0 ? $"  {feed.ConsecutiveErrors} {(feed.ConsecutiveErrors == 1 ? "error" : "errors")} in a row: {TerminalText.Safe(feed.LastError)}" : "";
            output.WriteLine($"{TerminalText.Safe(feed.Url)}  {TerminalText.Safe(feed.Title)}");
            output.WriteLine($"    last fetch {Short(feed.LastFetch)}  status {status}  next due {Short(feed.NextDue)}  articles {feed.ArticlesStored}{errors}");
        }
    }

    private static string Short(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) : "never";
}

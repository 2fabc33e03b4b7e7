using System.CommandLine;
using Storyline.Feeds;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds add URL…</c>: subscribe to feeds, or to the feed a site's page announces.</summary>
internal static class FeedsAddCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Argument<string[]>("URL") { Arity = ArgumentArity.OneOrMore, Description = "Feed URLs, or site pages that announce a feed (<link rel=\"alternate\">)" };
        var database = CliOptions.Database();
        var allowPrivate = FeedCliOptions.AllowPrivateAddresses();
        var command = new Command("add", "Subscribe to feeds (each is checked, and a site's page is searched for its feed).") { urls, database, allowPrivate };
        command.SetAction((parsed, cancellation) => RunAsync(console, parsed.GetValue(urls)!, parsed.GetValue(database)!, FeedCliOptions.PrivateAllowed(parsed.GetValue(allowPrivate)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] urls, string databasePath, bool allowPrivate, CancellationToken cancellation)
    {
        using var store = StoreOpener.TryOpen(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        using var client = FeedCliOptions.Client(allowPrivate);
        var failed = 0;
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                console.Error.WriteLine($"{TerminalText.Safe(url)}: not an http(s) URL");
                failed++;
                continue;
            }

            var resolved = await FeedResolver.ResolveAsync(client, uri, cancellation).ConfigureAwait(false);
            if (resolved.FeedUrl is null)
            {
                console.Error.WriteLine($"{TerminalText.Safe(url)}: {TerminalText.Safe(resolved.Failure)}");
                failed++;
                continue;
            }

            var added = store.AddFeed(resolved.FeedUrl, resolved.Title, DateTimeOffset.UtcNow);
            var note = resolved.FeedUrl == url ? "" : $" (from {TerminalText.Safe(url)})";
            console.Output.WriteLine(added
                ? $"added {TerminalText.Safe(resolved.FeedUrl)}  {TerminalText.Safe(resolved.Title)}{note}"
                : $"already subscribed: {TerminalText.Safe(resolved.FeedUrl)}{note}");
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}

using System.CommandLine;
using Storyline.Cli.Commands.Feeds;
using Storyline.Feeds;
using Storyline.Reading.Feeds;
using Storyline.Reading.Fetching;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline fetch [--once]</c>: poll the subscriptions that are due and ingest their new entries.</summary>
internal static class FetchCommand
{
    public static Command Create(CliConsole console)
    {
        var once = new Option<bool>("--once") { Description = "Poll the feeds due now, then exit (without it: keep polling until Ctrl-C)" };
        var database = CliOptions.Database();
        var allowPrivate = FeedCliOptions.AllowPrivateAddresses();
        var noAnalysis = new Option<bool>("--no-analysis") { Description = "Skip finding entities, quotes and cited sources" };
        var noFullText = new Option<bool>("--no-full-text") { Description = "Do not fetch the linked page of entries that are only a summary" };
        var command = new Command("fetch", "Poll subscribed feeds when due, and ingest their new entries (full text fetched for teasers).")
        {
            once, database, allowPrivate, noAnalysis, noFullText,
        };
        command.SetAction((parsed, cancellation) =>
        {
            var options = new FeedPollerOptions
            {
                Fetch = FetchOptions.Default with { AllowPrivateAddresses = FeedCliOptions.PrivateAllowed(parsed.GetValue(allowPrivate)) },
                FullText = !parsed.GetValue(noFullText),
            };
            var pipeline = new StorylinePipelineBuilder().UseAnalysis(!parsed.GetValue(noAnalysis)).Build();
            return RunAsync(console, parsed.GetValue(database)!, parsed.GetValue(once), pipeline, options, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string databasePath, bool once, StorylinePipeline pipeline, FeedPollerOptions options, CancellationToken cancellation)
    {
        // Opened once here so that a missing or unusable database is a usage error before anything is fetched.
        using (var check = StoreOpener.TryOpenForReading(databasePath, console.Error))
        {
            if (check is null)
            {
                return ExitCodes.Usage;
            }
        }

        options = options with
        {
            IngestLock = token => Storage.IngestLock.Acquire(
                databasePath,
                () => console.Error.WriteLine($"storyline: another ingest is writing to {TerminalText.Safe(databasePath)}; waiting for it to finish"),
                token),
        };
        using var poller = new FeedPoller(() => Storage.SqliteStoryStore.Open(databasePath), pipeline, options);
        if (once)
        {
            try
            {
                var summary = await poller.PollDueAsync(cancellation).ConfigureAwait(false);
                Report(console, summary);
                return summary.Failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
            }
            catch (OperationCanceledException)
            {
                console.Error.WriteLine("storyline: interrupted; what was stored stays stored, and the next fetch takes in the rest");
                return 130;
            }
        }

        poller.Polled += (_, summary) => Report(console, summary);
        poller.PollFailed += (_, e) => console.Error.WriteLine($"storyline: poll failed: {TerminalText.Safe(e.Message)}");
        console.Error.WriteLine("storyline: polling feeds when due; Ctrl-C stops");
        await poller.RunAsync(cancellation).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static void Report(CliConsole console, PollSummary summary)
    {
        foreach (var failure in summary.Failures)
        {
            console.Error.WriteLine($"{TerminalText.Safe(failure.Url)}: {TerminalText.Safe(failure.Reason)} ({failure.ConsecutiveErrors} in a row; next try {FeedJson.Time(failure.NextDue)})");
        }

        foreach (var problem in summary.Problems)
        {
            console.Error.WriteLine(TerminalText.Safe(problem.ToString()));
        }

        console.Error.WriteLine(summary.ToString());
    }
}

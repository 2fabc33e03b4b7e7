using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ingest PATH…</c>: read, extract, dedupe, group and store.</summary>
internal static class IngestCommand
{
    /// <summary>Input problems printed one a line; beyond them a count is printed.</summary>
    private const int MaxPrintedProblems = 100;

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Files or directories (searched recursively) of .txt, .html, .htm, .gz and .jsonl documents; '-' reads JSONL from stdin",
        };
        var database = CliOptions.Database(creates: true);
        var listStories = new Option<bool>("--stories") { Description = "Afterwards, list the stories (as 'storyline stories' does)" };
        var json = CliOptions.Json("With --stories: list them as JSON lines");
        var noAnalysis = new Option<bool>("--no-analysis") { Description = "Skip finding entities, quotes and cited sources (about twice as fast)" };
        var regroupLimit = new Option<int>("--regroup-limit")
        {
            Description = "Stored articles at most that a batch reaching back among them regroups with itself, as one ingest of all would (0: none)",
            DefaultValueFactory = _ => StorylinePipeline.Default.RegroupLimit,
        };
        regroupLimit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--regroup-limit must be 0 or more");
            }
        });
        var command = new Command("ingest", "Store documents and group them into stories. The same document twice is stored once.")
        {
            paths,
            database,
            listStories,
            json,
            noAnalysis,
            regroupLimit,
        };
        command.SetAction(parsed => Run(
            console,
            parsed.GetValue(paths)!,
            parsed.GetValue(database)!,
            parsed.GetValue(listStories),
            parsed.GetValue(json),
            new StorylinePipelineBuilder().UseAnalysis(!parsed.GetValue(noAnalysis)).UseRegroupLimit(parsed.GetValue(regroupLimit)).Build()));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string databasePath, bool listStories, bool json, StorylinePipeline pipeline)
    {
        using var store = StoreOpener.TryOpen(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        // After the store opened (so that a bad --db is reported as such), before anything is read or checked.
        using var exclusive = Storage.IngestLock.Acquire(
            databasePath,
            () => console.Error.WriteLine($"storyline: another ingest is writing to {TerminalText.Safe(databasePath)}; waiting for it to finish"));

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // First Ctrl-C: finish the batch in flight, so that nothing read is half-stored; a second one kills.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var terminal = console.ErrorIsTerminal ? new TerminalProgress(console.Error) : null;
        var progress = CrashHook.Wrap(terminal, cancellation.Token);
        try
        {
            var problems = 0;
            var report = pipeline.Ingest(
                paths,
                store,
                problem =>
                {
                    // The first ones are printed, the rest counted: millions of bad lines must not flood the terminal.
                    if (++problems <= MaxPrintedProblems)
                    {
                        terminal?.Finish();
                        console.Error.WriteLine(TerminalText.Safe(problem.ToString()));
                    }
                },
                progress,
                console.Input,
                cancellation.Token);
            terminal?.Finish();
            if (problems > MaxPrintedProblems)
            {
                console.Error.WriteLine($"storyline: {problems - MaxPrintedProblems:N0} more input problems not shown");
            }

            console.Error.WriteLine(report);
            if (cancellation.IsCancellationRequested)
            {
                console.Error.WriteLine("storyline: interrupted; what was stored stays stored, and the next ingest groups it");
                return 130;
            }

            if (listStories)
            {
                StoriesCommand.Write(console.Output, store.ListStories(), json);
            }

            return report.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}

using System.CommandLine;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds remove URL…</c>: unsubscribe (articles already stored stay).</summary>
internal static class FeedsRemoveCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Argument<string[]>("URL") { Arity = ArgumentArity.OneOrMore, Description = "Feed URLs as 'feeds list' shows them" };
        var database = CliOptions.Database();
        var command = new Command("remove", "Unsubscribe from feeds (their stored articles stay).") { urls, database };
        command.SetAction(parsed =>
        {
            using var store = StoreOpener.TryOpen(parsed.GetValue(database)!, console.Error);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var failed = 0;
            foreach (var url in parsed.GetValue(urls)!)
            {
                if (store.RemoveFeed(url))
                {
                    console.Output.WriteLine($"removed {TerminalText.Safe(url)}");
                }
                else
                {
                    console.Error.WriteLine($"{TerminalText.Safe(url)}: not subscribed");
                    failed++;
                }
            }

            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        });
        return command;
    }
}

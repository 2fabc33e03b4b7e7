using System.CommandLine;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds …</c>: subscriptions, and what is read from a feed.</summary>
internal static class FeedsCommand
{
    public static Command Create(CliConsole console) => new("feeds", "Follow outlets: subscribe to RSS, Atom and JSON feeds, list them, and see what is read from a feed.")
    {
        FeedsAddCommand.Create(console),
        FeedsImportCommand.Create(console),
        FeedsExportCommand.Create(console),
        FeedsListCommand.Create(console),
        FeedsRemoveCommand.Create(console),
        FeedsParseCommand.Create(console),
    };
}

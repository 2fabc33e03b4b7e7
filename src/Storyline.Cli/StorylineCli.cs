using System.CommandLine;
using Storyline.Cli.Commands;

namespace Storyline.Cli;

/// <summary>
/// The command tree; parsing errors exit with 2, as DESIGN.md requires, and so does a failure of the database or
/// file system (disk full, a corrupt or unwritable database): one line <c>storyline: …</c>, no stack trace. Exit 1
/// keeps its meaning: some inputs failed, the rest was stored.
/// </summary>
internal static class StorylineCli
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(input, output, error);
        var root = new RootCommand("Storyline: groups news reports of one event into stories, cleaned and compared.")
        {
            IngestCommand.Create(console),
            StoriesCommand.Create(console),
            ShowCommand.Create(console),
            ExtractCommand.Create(console),
            SearchCommand.Create(console),
            EntitiesCommand.Create(console),
            QuotesCommand.Create(console),
            ServeCommand.Create(console),
            UsersCommand.Create(console),
            CompareCommand.Create(console),
            Commands.Feeds.FeedsCommand.Create(console),
            FetchCommand.Create(console),
        };
        // No response files: an argument such as a search for "@handle" is an argument, not a file to read.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"storyline: {parseError.Message}");
            }

            error.WriteLine("Try 'storyline --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Failure(e) is { } message)
        {
            error.WriteLine($"storyline: {TerminalText.Safe(message)}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The one-line message for a failure of the environment rather than of an input; null for a bug (left to crash loudly).</summary>
    private static string? Failure(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Failure(aggregate.InnerExceptions[0]),
        Storage.StoreException => e.Message,
        System.Data.Common.DbException => $"database error: {e.Message}",
        IOException or UnauthorizedAccessException => e.Message,
        _ => null,
    };
}

using System.CommandLine;
using Storyline.Cli.Commands;

namespace Storyline.Cli;

/// <summary>The command tree; parsing errors exit with 2, as DESIGN.md requires.</summary>
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
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"storyline: {parseError.Message}");
            }

            error.WriteLine("Try 'storyline --help'.");
            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using Storyline.Comparison;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline compare STORY</c>: how each article of a story told it (shared and unique passages, quote variants,
/// sources, names, timeline); <c>compare --pairs FILE.tsv</c> scores MRPC-format sentence pairs with the same-content
/// model alone.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var storyId = new Argument<long?>("STORY") { Description = "The story's number, as 'stories' lists it", Arity = ArgumentArity.ZeroOrOne };
        var json = CliOptions.Json("Write the comparison as one JSON object: {\"story\", \"title\", \"articles\", \"passages\", \"quotes\", \"sources\", \"entities\", \"timeline\"}");
        var pairs = new Option<string?>("--pairs") { Description = "Score the sentence pairs of an MRPC-format TSV instead: one 'ID1 ID2 SCORE SAME' line a pair", HelpName = "FILE.tsv" };
        var database = CliOptions.Database();
        var command = new Command("compare", "Compare how a story's articles told it: shared and unique content, quote variants, sources, who was first.")
        {
            storyId, json, pairs, database,
        };
        command.SetAction(parsed => parsed.GetValue(pairs) is { } file
            ? ScorePairs(console, file)
            : parsed.GetValue(storyId) is { } id
                ? Run(console, parsed.GetValue(database)!, id, parsed.GetValue(json))
                : Usage(console));
        return command;
    }

    private static int Usage(CliConsole console)
    {
        console.Error.WriteLine("storyline: compare needs a STORY number (or --pairs FILE.tsv)");
        return ExitCodes.Usage;
    }

    private static int Run(CliConsole console, string databasePath, long storyId, bool json)
    {
        using var store = StoreOpener.TryOpenForReading(databasePath, console.Error);
        if (store is null)
        {
            return ExitCodes.Usage;
        }

        var comparison = StoryComparer.Default.Compare(store, storyId);
        if (comparison is null)
        {
            console.Error.WriteLine($"storyline: no story {storyId} in {TerminalText.Safe(databasePath)}");
            return ExitCodes.Usage;
        }

        if (comparison.StoryId != storyId)
        {
            console.Error.WriteLine($"storyline: story {storyId} was regrouped; most of its articles are in story {comparison.StoryId}");
        }

        if (json)
        {
            new JsonLines(console.Output).Write(writer => ComparisonJson.WriteProperties(writer, comparison));
        }
        else
        {
            new ComparisonReport(console.Output, console.OutputIsTerminal).Write(comparison);
        }

        return ExitCodes.Success;
    }

    private static int ScorePairs(CliConsole console, string path)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? console.Input : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"storyline: {TerminalText.Safe(path)}: {TerminalText.Safe(e.Message)}");
            return ExitCodes.Usage;
        }

        var failed = false;
        using (reader)
        {
            var model = SameContentModel.Default;
            foreach (var pair in SentencePairFile.Read(reader, (line, reason) =>
            {
                failed = true;
                console.Error.WriteLine($"{TerminalText.Safe(path)}:{line}: {reason}");
            }))
            {
                var score = model.Probability(pair.Text1, pair.Text2);
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{TerminalText.Safe(pair.Id1)}\t{TerminalText.Safe(pair.Id2)}\t{score:0.0000}\t{(model.IsSame(score) ? 1 : 0)}"));
            }
        }

        return failed ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}

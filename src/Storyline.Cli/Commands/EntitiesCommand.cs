using System.CommandLine;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Sources;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline entities PATH… [--json]</c>: named entities of each input, offsets into its clean text; and
/// <c>storyline entities FILE.conll --conll</c>: each token line with the predicted IOB2 tag appended.
/// </summary>
internal static class EntitiesCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories; '-' reads JSONL (or, with --conll, CoNLL) from stdin" };
        var json = CliOptions.Json("One JSON object a line: {\"path\", \"id\", \"entities\": [{\"text\", \"type\", \"start\", \"end\", \"canonical\"}], \"sources\": [{\"name\", \"start\", \"end\", \"cue\"}]}");
        var conll = new Option<bool>("--conll") { Description = "Inputs are CoNLL files (token first, tab-separated columns, blank line between sentences); write each line with the predicted IOB2 tag appended" };
        var command = new Command("entities", "Print the named entities (people, organisations, places) of each input (no database).") { paths, json, conll };
        command.SetAction(parsed => parsed.GetValue(conll)
            ? RunConll(console, parsed.GetValue(paths)!)
            : Run(console, parsed.GetValue(paths)!, parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, bool json)
    {
        var failed = 0;
        var lines = new JsonLines(console.Output);
        var recognizer = EntityRecognizer.Default;
        foreach (var (article, problem) in StorylinePipeline.Default.Extract(paths, console.Input))
        {
            if (problem is not null)
            {
                console.Error.WriteLine(problem);
                failed += problem.IsWarning ? 0 : 1;
                continue;
            }

            var mentions = recognizer.Recognize(article!.Text);
            if (json)
            {
                lines.Write(writer =>
                {
                    writer.WriteString("path", article.Source);
                    writer.WriteString("id", article.ExternalId);
                    writer.WriteStartArray("entities");
                    foreach (var mention in mentions)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("text", mention.Text);
                        writer.WriteString("type", mention.Label);
                        writer.WriteNumber("start", mention.Start);
                        writer.WriteNumber("end", mention.End);
                        writer.WriteString("canonical", mention.Canonical);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("sources");
                    foreach (var source in SourceFinder.Find(article.Text))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", source.Name);
                        writer.WriteNumber("start", source.Start);
                        writer.WriteNumber("end", source.End);
                        writer.WriteString("cue", source.Cue);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
            }
            else
            {
                console.Output.WriteLine($"== {article.Source}");
                foreach (var mention in mentions)
                {
                    var canonical = mention.Canonical == mention.Text ? string.Empty : $"\t→ {mention.Canonical}";
                    console.Output.WriteLine($"{mention.Label,-4}\t{mention.Start}-{mention.End}\t{mention.Text}{canonical}");
                }

                foreach (var source in SourceFinder.Find(article.Text))
                {
                    console.Output.WriteLine($"SRC \t{source.Start}-{source.End}\t{source.Name}\t({source.Cue})");
                }

                console.Output.WriteLine();
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static int RunConll(CliConsole console, string[] paths)
    {
        var failed = 0;
        var recognizer = EntityRecognizer.Default;
        foreach (var path in paths)
        {
            try
            {
                if (path == "-")
                {
                    TagConll(recognizer, console.Input, console.Output);
                    continue;
                }

                using var reader = new StreamReader(path);
                TagConll(recognizer, reader, console.Output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"{path}: {e.Message}");
                failed++;
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>Copies CoNLL lines to <paramref name="output"/>, each token line with a tab and its predicted tag appended; blank lines kept.</summary>
    private static void TagConll(EntityRecognizer recognizer, TextReader input, TextWriter output)
    {
        var sentence = new List<string>();
        var words = new List<string>();
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                output.WriteLine(line);
                continue;
            }

            sentence.Add(line);
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var end = tab >= 0 ? tab : space >= 0 ? space : line.Length;
            words.Add(line[..end]);
        }

        Flush();

        void Flush()
        {
            if (sentence.Count == 0)
            {
                return;
            }

            var tags = recognizer.TagTokens(words);
            for (var i = 0; i < sentence.Count; i++)
            {
                output.Write(sentence[i]);
                output.Write('\t');
                output.WriteLine(tags[i]);
            }

            sentence.Clear();
            words.Clear();
        }
    }
}

using System.CommandLine;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Sources;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline entities PATH… [--json]</c>: named entities and cited sources of each input, found in its clean
/// text, with offsets into the input as given (a JSONL item's <c>text</c>, a plain-text file as on disk) when
/// cleaning dropped only whole paragraphs, else into the clean text (HTML; <c>"offsets": "clean"</c>); and
/// <c>storyline entities FILE.conll --conll</c>: each token line with the predicted IOB2 tag appended.
/// </summary>
internal static class EntitiesCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories; '-' reads JSONL (or, with --conll, CoNLL) from stdin" };
        var json = CliOptions.Json("One JSON object a line: {\"path\", \"id\", \"offsets\" (\"input\" or \"clean\": what start/end point into), \"entities\": [{\"text\", \"type\", \"start\", \"end\", \"canonical\"}], \"sources\": [{\"name\", \"start\", \"end\", \"cue\"}]}");
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
        var pipeline = StorylinePipeline.Default;
        var recognizer = EntityRecognizer.Default;
        foreach (var read in pipeline.Reader.ReadPaths(paths, console.Input))
        {
            if (read.Problem is { } problem)
            {
                console.Error.WriteLine(TerminalText.Safe(problem.ToString()));
                failed += problem.IsWarning ? 0 : 1;
                continue;
            }

            var document = read.Document!;
            var extracted = pipeline.Extractor.Extract(document);
            if (extracted.Article is not { } article)
            {
                console.Error.WriteLine(TerminalText.Safe(new InputProblem(document.Source, extracted.Failure!).ToString()));
                failed++;
                continue;
            }

            // Analysis runs on the clean text; offsets are mapped back into the input as given when cleaning only
            // dropped whole paragraphs (plain text, JSONL text), else they stay in the clean text (HTML).
            var map = document.Format == DocumentFormat.PlainText ? CleanTextMap.Build(document.Content, article.Paragraphs) : null;
            var shift = map is null ? 0 : InputOffsets.BodyOffset(document);
            (int Start, int End) Place(int start, int end)
            {
                var (s, e) = map?.ToSource(start, end) ?? (start, end);
                return (s + shift, e + shift);
            }

            var mentions = recognizer.Recognize(article.Text);
            var sources = SourceFinder.Find(article.Text);
            if (json)
            {
                lines.Write(writer =>
                {
                    writer.WriteString("path", article.Source);
                    writer.WriteString("id", article.ExternalId);
                    writer.WriteString("offsets", map is null ? "clean" : "input");
                    writer.WriteStartArray("entities");
                    foreach (var mention in mentions)
                    {
                        var (start, end) = Place(mention.Start, mention.End);
                        writer.WriteStartObject();
                        writer.WriteString("text", mention.Text);
                        writer.WriteString("type", mention.Label);
                        writer.WriteNumber("start", start);
                        writer.WriteNumber("end", end);
                        writer.WriteString("canonical", mention.Canonical);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteStartArray("sources");
                    foreach (var source in sources)
                    {
                        var (start, end) = Place(source.Start, source.End);
                        writer.WriteStartObject();
                        writer.WriteString("name", source.Name);
                        writer.WriteNumber("start", start);
                        writer.WriteNumber("end", end);
                        writer.WriteString("cue", source.Cue);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                });
            }
            else
            {
                console.Output.WriteLine($"== {TerminalText.Safe(article.Source)}");
                foreach (var mention in mentions)
                {
                    var (start, end) = Place(mention.Start, mention.End);
                    var canonical = mention.Canonical == mention.Text ? string.Empty : $"\t→ {TerminalText.Safe(mention.Canonical)}";
                    console.Output.WriteLine($"{mention.Label,-4}\t{start}-{end}\t{TerminalText.Safe(mention.Text)}{canonical}");
                }

                foreach (var source in sources)
                {
                    var (start, end) = Place(source.Start, source.End);
                    console.Output.WriteLine($"SRC \t{start}-{end}\t{TerminalText.Safe(source.Name)}\t({TerminalText.Safe(source.Cue)})");
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
                console.Error.WriteLine(TerminalText.Safe($"{path}: {e.Message}"));
                failed++;
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>A CoNLL line with its tab separators kept and every other control escaped for the terminal.</summary>
    private static string SafeColumns(string line) => string.Join('\t', line.Split('\t').Select(TerminalText.Safe));

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
                output.WriteLine(SafeColumns(line));
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
                output.Write(SafeColumns(sentence[i]));
                output.Write('\t');
                output.WriteLine(tags[i]);
            }

            sentence.Clear();
            words.Clear();
        }
    }
}

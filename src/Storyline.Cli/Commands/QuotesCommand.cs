using System.CommandLine;
using Storyline.Analysis.Quotes;
using Storyline.Reading;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline quotes PATH… [--json]</c>: the quotes of each input with their speakers and cues. Offsets are
/// into the text as given: a JSONL item's <c>text</c>, or a plain-text file as it is on disk (header lines
/// such as <c>date 2025-06-07</c> are skipped by the analysis but counted in offsets); for HTML, into the
/// extracted clean text.
/// </summary>
internal static class QuotesCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories; '-' reads JSONL from stdin" };
        var json = CliOptions.Json("One JSON object a line: {\"id\" or \"path\", \"quote\", \"start\", \"end\", \"speaker\", \"speaker_start\", \"speaker_end\", \"cue\", \"cue_start\", \"cue_end\", \"direct\"} (the parts of one statement share their cue offsets)");
        var command = new Command("quotes", "Print the quotes of each input, with speaker and cue (no database).") { paths, json };
        command.SetAction(parsed => Run(console, parsed.GetValue(paths)!, parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, bool json)
    {
        var failed = 0;
        var lines = new JsonLines(console.Output);
        var pipeline = StorylinePipeline.Default;
        foreach (var read in pipeline.Reader.ReadPaths(paths, console.Input))
        {
            if (read.Problem is { } problem)
            {
                console.Error.WriteLine(TerminalText.Safe(problem.ToString()));
                failed += problem.IsWarning ? 0 : 1;
                continue;
            }

            var document = read.Document!;
            var fromJsonl = InputOffsets.IsJsonlItem(document);
            string text;
            var shift = 0;
            if (document.Format == DocumentFormat.PlainText)
            {
                text = document.Content;
                shift = InputOffsets.BodyOffset(document);
            }
            else
            {
                var extracted = pipeline.Extractor.Extract(document);
                if (extracted.Article is not { } article)
                {
                    console.Error.WriteLine(TerminalText.Safe(new InputProblem(document.Source, extracted.Failure!).ToString()));
                    failed++;
                    continue;
                }

                text = article.Text;
            }

            var quotes = QuoteExtractor.Default.Extract(text);
            if (json)
            {
                foreach (var quote in quotes)
                {
                    lines.Write(writer =>
                    {
                        if (fromJsonl)
                        {
                            writer.WriteString("id", document.ExternalId);
                        }
                        else
                        {
                            writer.WriteString("path", document.Source);
                        }

                        writer.WriteString("quote", quote.Text);
                        writer.WriteNumber("start", quote.Start + shift);
                        writer.WriteNumber("end", quote.End + shift);
                        WriteNullable(writer, "speaker", quote.Speaker);
                        WriteNullable(writer, "speaker_start", quote.SpeakerStart + shift);
                        WriteNullable(writer, "speaker_end", quote.SpeakerEnd + shift);
                        WriteNullable(writer, "cue", quote.Cue);
                        WriteNullable(writer, "cue_start", quote.CueStart + shift);
                        WriteNullable(writer, "cue_end", quote.CueEnd + shift);
                        writer.WriteBoolean("direct", quote.Direct);
                    });
                }

                continue;
            }

            console.Output.WriteLine($"== {TerminalText.Safe(fromJsonl ? document.ExternalId : document.Source)}");
            foreach (var group in quotes.GroupBy(q => q.Speaker ?? "(unknown speaker)"))
            {
                console.Output.WriteLine($"{TerminalText.Safe(group.Key)}:");
                foreach (var quote in group)
                {
                    var kind = quote.Direct ? "direct" : "indirect";
                    var cue = quote.Cue is null ? string.Empty : $" [{TerminalText.Safe(quote.Cue)}]";
                    console.Output.WriteLine($"  {quote.Start + shift}-{quote.End + shift}\t{kind}{cue}\t{TerminalText.Safe(quote.Text.ReplaceLineEndings(" "))}");
                }
            }

            console.Output.WriteLine();
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(System.Text.Json.Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}

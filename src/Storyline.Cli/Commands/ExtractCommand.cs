using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline extract PATH… [--json]</c>: extraction of each input, no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories; '-' reads JSONL from stdin" };
        var json = CliOptions.Json("One JSON object a line: {\"path\", \"title\", \"published\", \"authors\", \"outlet\", \"language\", \"url\", \"syndication_origin\", \"boilerplate_removed\", \"text\"}");
        var command = new Command("extract", "Print the clean text and metadata of each input (no database).") { paths, json };
        command.SetAction(parsed => Run(console, parsed.GetValue(paths)!, parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, bool json)
    {
        var failed = 0;
        var lines = new JsonLines(console.Output);
        foreach (var (article, problem) in ExtractInParallel(StorylinePipeline.Default, paths, console.Input))
        {
            if (problem is not null)
            {
                console.Error.WriteLine(TerminalText.Safe(problem.ToString()));
                failed += problem.IsWarning ? 0 : 1;
                continue;
            }

            if (json)
            {
                lines.Write(writer =>
                {
                    writer.WriteString("path", article!.Source);
                    writer.WriteString("id", article.ExternalId);
                    writer.WriteString("title", article.Title);
                    writer.WriteString("published", article.Published?.ToString());
                    writer.WriteStartArray("authors");
                    foreach (var author in article.Authors)
                    {
                        writer.WriteStringValue(author);
                    }

                    writer.WriteEndArray();
                    writer.WriteString("outlet", article.Outlet);
                    writer.WriteString("language", article.Language);
                    writer.WriteString("url", article.Url);
                    writer.WriteString("syndication_origin", article.SyndicationOrigin);
                    writer.WriteNumber("boilerplate_removed", article.BoilerplateRemoved);
                    writer.WriteString("text", article.Text);
                });
            }
            else
            {
                console.Output.WriteLine($"== {TerminalText.Safe(article!.Source)}");
                console.Output.WriteLine($"title:     {TerminalText.Safe(article.Title)}");
                console.Output.WriteLine($"published: {TerminalText.Safe(article.Published?.ToString() ?? "unknown")}");
                console.Output.WriteLine($"outlet:    {TerminalText.Safe(article.Outlet ?? "unknown")}");
                if (article.SyndicationOrigin is not null)
                {
                    console.Output.WriteLine($"origin:    {TerminalText.Safe(article.SyndicationOrigin)}");
                }

                console.Output.WriteLine();
                console.Output.WriteLine(TerminalText.SafeLines(article.Text));
                console.Output.WriteLine();
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    /// <summary>
    /// Reads inputs in order and extracts them on every core, a bounded window at a time, so output
    /// keeps input order and memory stays flat however many inputs there are.
    /// </summary>
    private static IEnumerable<(Storyline.Extraction.Article? Article, Storyline.Reading.InputProblem? Problem)> ExtractInParallel(
        StorylinePipeline pipeline, string[] paths, TextReader input)
    {
        // Small windows keep few pages (and their parsed trees) alive at once.
        var size = 2 * Environment.ProcessorCount;
        var window = new List<Storyline.Reading.ReadResult>(size);
        foreach (var read in pipeline.Reader.ReadPaths(paths, input))
        {
            window.Add(read);
            if (window.Count == size)
            {
                foreach (var result in ExtractWindow(pipeline.Extractor, window))
                {
                    yield return result;
                }

                window.Clear();
            }
        }

        foreach (var result in ExtractWindow(pipeline.Extractor, window))
        {
            yield return result;
        }
    }

    private static (Storyline.Extraction.Article?, Storyline.Reading.InputProblem?)[] ExtractWindow(
        Storyline.Extraction.IArticleExtractor extractor, List<Storyline.Reading.ReadResult> window)
    {
        var results = new (Storyline.Extraction.Article?, Storyline.Reading.InputProblem?)[window.Count];
        Parallel.For(0, window.Count, i =>
        {
            var read = window[i];
            if (read.Problem is { } problem)
            {
                results[i] = (null, problem);
                return;
            }

            var extracted = extractor.Extract(read.Document!);
            results[i] = extracted.Article is { } article
                ? (article, null)
                : (null, new Storyline.Reading.InputProblem(read.Document!.Source, extracted.Failure!));
        });
        return results;
    }
}

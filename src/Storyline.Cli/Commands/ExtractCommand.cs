using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline extract PATH… [--json]</c>: extraction of each input, no database.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files or directories; '-' reads JSONL from stdin" };
        var json = CliOptions.Json("One JSON object a line: {\"path\", \"title\", \"published\", \"authors\", \"outlet\", \"language\", \"url\", \"text\"}");
        var command = new Command("extract", "Print the clean text and metadata of each input (no database).") { paths, json };
        command.SetAction(parsed => Run(console, parsed.GetValue(paths)!, parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, bool json)
    {
        var failed = 0;
        var lines = new JsonLines(console.Output);
        foreach (var (article, problem) in StorylinePipeline.Default.Extract(paths, console.Input))
        {
            if (problem is not null)
            {
                console.Error.WriteLine(problem);
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
                    writer.WriteString("text", article.Text);
                });
            }
            else
            {
                console.Output.WriteLine($"== {article!.Source}");
                console.Output.WriteLine($"title:     {article.Title}");
                console.Output.WriteLine($"published: {article.Published?.ToString() ?? "unknown"}");
                console.Output.WriteLine($"outlet:    {article.Outlet ?? "unknown"}");
                console.Output.WriteLine();
                console.Output.WriteLine(article.Text);
                console.Output.WriteLine();
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}

using System.CommandLine;
using Storyline.Reading.Feeds;

namespace Storyline.Cli.Commands.Feeds;

/// <summary><c>storyline feeds parse PATH|URL… [--json]</c>: what Storyline reads from each feed, no database.</summary>
internal static class FeedsParseCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("PATH|URL") { Arity = ArgumentArity.OneOrMore, Description = "Feed files, directories (each file in them) or http(s) URLs" };
        var json = CliOptions.Json("One JSON object a feed: {\"path\", \"format\", \"title\", \"link\", \"id\", \"subtitle\", \"language\", \"author\", \"published\", \"updated\", \"items\": [...], \"problems\": [...]}");
        var allowPrivate = FeedCliOptions.AllowPrivateAddresses();
        var command = new Command("parse", "Print what Storyline reads from each feed (no database).") { inputs, json, allowPrivate };
        command.SetAction((parsed, cancellation) => RunAsync(console, parsed.GetValue(inputs)!, parsed.GetValue(json), FeedCliOptions.PrivateAllowed(parsed.GetValue(allowPrivate)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] inputs, bool json, bool allowPrivate, CancellationToken cancellation)
    {
        var failed = 0;
        var lines = new JsonLines(console.Output);
        using var client = FeedCliOptions.Client(allowPrivate);
        foreach (var input in Expand(inputs, console.Error, ref failed))
        {
            var (feed, failure) = await LoadAsync(client, input, cancellation).ConfigureAwait(false);
            if (feed is null)
            {
                console.Error.WriteLine($"{TerminalText.Safe(input)}: {TerminalText.Safe(failure)}");
                failed++;
                continue;
            }

            if (feed.Format == FeedFormat.Unknown)
            {
                console.Error.WriteLine($"{TerminalText.Safe(input)}: {TerminalText.Safe(string.Join("; ", feed.Problems))}");
                failed++;
            }

            if (json)
            {
                lines.Write(writer => FeedJson.Write(writer, input, feed));
            }
            else if (feed.Format != FeedFormat.Unknown)
            {
                WriteText(console.Output, input, feed);
            }
        }

        return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static async Task<(ParsedFeed? Feed, string? Failure)> LoadAsync(Storyline.Reading.Fetching.FeedHttpClient client, string input, CancellationToken cancellation)
    {
        if (IsUrl(input))
        {
            var response = await client.GetAsync(new Uri(input), null, cancellation).ConfigureAwait(false);
            return response.Failure is { } failure
                ? (null, failure)
                : (FeedParser.Parse(response.Body, response.FinalUri.ToString(), response.Charset), null);
        }

        try
        {
            var info = new FileInfo(input);
            if (info.Length > FeedParser.MaxBytes)
            {
                return (null, $"larger than {FeedParser.MaxBytes / (1024 * 1024)} MB");
            }

            return (FeedParser.Parse(await File.ReadAllBytesAsync(input, cancellation).ConfigureAwait(false), input), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    private static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Inputs with each directory replaced by its files (not recursing, hidden files skipped), in name order.</summary>
    private static List<string> Expand(string[] inputs, TextWriter error, ref int failed)
    {
        var expanded = new List<string>();
        foreach (var input in inputs)
        {
            if (IsUrl(input) || File.Exists(input))
            {
                expanded.Add(input);
            }
            else if (Directory.Exists(input))
            {
                expanded.AddRange(Directory.EnumerateFiles(input)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                error.WriteLine($"{TerminalText.Safe(input)}: no such file, directory or URL");
                failed++;
            }
        }

        return expanded;
    }

    private static void WriteText(TextWriter output, string input, ParsedFeed feed)
    {
        output.WriteLine($"== {TerminalText.Safe(input)} ({feed.Format.Name()}, {feed.Items.Count} entries)");
        output.WriteLine($"title: {TerminalText.Safe(feed.Title)}");
        output.WriteLine($"link:  {TerminalText.Safe(feed.Link)}");
        foreach (var problem in feed.Problems)
        {
            output.WriteLine($"problem: {TerminalText.Safe(problem)}");
        }

        foreach (var item in feed.Items)
        {
            var when = FeedJson.Time(item.Published ?? item.Updated) ?? "undated";
            output.WriteLine($"  {when}  {TerminalText.Safe(item.Title)}  {TerminalText.Safe(item.Link)}");
        }
    }
}

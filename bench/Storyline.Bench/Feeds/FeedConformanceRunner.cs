using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Storyline.Reading.Feeds;

namespace Storyline.Bench.Feeds;

/// <summary>
/// <c>bench -- feeds [DIR]</c>: parses every feed of the feedparser conformance set as <c>feeds parse --json</c> does,
/// writes the predictions and scores them with <c>score/score_feeds.py</c> (the held-out scorer), printing its line.
/// </summary>
internal static class FeedConformanceRunner
{
    public static int Run(string eval, string? directory)
    {
        var set = directory ?? Path.Combine(eval, "feeds", "feedparser-dev");
        var predictions = Path.Combine(Path.GetTempPath(), $"storyline-feeds-{Environment.ProcessId}.jsonl");
        var watch = Stopwatch.StartNew();
        var files = Directory.GetFiles(Path.Combine(set, "files")).Order(StringComparer.Ordinal).ToList();
        using (var output = new StreamWriter(predictions, false, new UTF8Encoding(false)))
        {
            foreach (var file in files)
            {
                var feed = FeedParser.Parse(File.ReadAllBytes(file), file);
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    writer.WriteStartObject();
                    FeedJson.Write(writer, file, feed);
                    writer.WriteEndObject();
                }

                output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }

        Console.WriteLine($"{files.Count} feeds parsed in {watch.Elapsed.TotalMilliseconds:0} ms; predictions in {predictions}");
        var scorer = Path.Combine(eval, "score", "score_feeds.py");
        using var process = Process.Start(new ProcessStartInfo("python3", [scorer, Path.Combine(set, "cases.jsonl"), predictions, "-v"]) { RedirectStandardOutput = true })!;
        Console.Write(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        return process.ExitCode;
    }
}

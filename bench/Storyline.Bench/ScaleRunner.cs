using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyline.Storage;

namespace Storyline.Bench;

/// <summary>
/// Ingest time and peak memory on synthetic corpora of a given size: AllSides articles replicated, each
/// replica shifted 120 days later (beyond every window) with new ids and a marker in the text, so that
/// replicas are neither exact duplicates nor in each other's stories. Run one size per process.
/// </summary>
internal static class ScaleRunner
{
    private static readonly DateTimeOffset Undated = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Run(string allSidesPath, int size)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"storyline-scale-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var corpus = Path.Combine(directory, $"corpus-{size}.jsonl");
            var bytes = Generate(allSidesPath, corpus, size);
            var clock = Stopwatch.StartNew();
            IngestReport report;
            using (var store = SqliteStoryStore.Open(Path.Combine(directory, "scale.db")))
            {
                report = StorylinePipeline.Default.Ingest([corpus], store);
            }

            clock.Stop();
            using var process = Process.GetCurrentProcess();
            return $"{size,7:N0} articles ({bytes / 1e6:F0} MB): {clock.Elapsed.TotalSeconds,6:F1} s, {report.Stored / clock.Elapsed.TotalSeconds,5:F0} articles/s, " +
                   $"peak working set {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MB; {report}";
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static long Generate(string allSidesPath, string corpus, int size)
    {
        var source = File.ReadAllLines(allSidesPath);
        using var writer = new StreamWriter(corpus);
        for (var i = 0; i < size; i++)
        {
            var replica = i / source.Length;
            var article = JsonNode.Parse(source[i % source.Length])!.AsObject();
            var published = DateTimeOffset.TryParse(article["published"]?.GetValue<string>(), out var p) ? p : Undated;
            article["id"] = $"{article["id"]!.GetValue<string>()}-r{replica}";
            article["published"] = published.AddDays(120 * replica).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            article["story"] = $"{article["story"]!.GetValue<string>()}-r{replica}";
            article["text"] = $"Replica {replica}. {article["text"]!.GetValue<string>()}";
            writer.WriteLine(article.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        writer.Flush();
        return writer.BaseStream.Length;
    }
}

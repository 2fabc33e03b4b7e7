using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Storyline.Storage;
using Storyline.Web;

namespace Storyline.Bench.Web;

/// <summary>
/// <c>serve-load [DB]</c>: the web reader under load on loopback. The database is the 34k-article throughput corpus
/// (ingested once into DB, by default under the temp directory, when it does not exist); the server runs in this process
/// as <c>storyline serve</c> runs it, and 32 concurrent connections ask for the front page, a story page (the largest of the
/// 200 newest stories) and <c>/api/stories</c>, each for a fixed time after a warm-up: requests per second and latency
/// percentiles (p50, p99) per route.
/// </summary>
internal static class ServeLoadRunner
{
    private const int Connections = 32;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(10);

    public static async Task<string> RunAsync(string eval, string? database)
    {
        database ??= Path.Combine(Path.GetTempPath(), "storyline-abp34k.db");
        if (!File.Exists(database))
        {
            var corpus = Path.Combine(eval, "throughput", "abp-34k.jsonl.gz");
            Console.Error.WriteLine($"serve-load: ingesting {corpus} into {database} (once; about two minutes)");
            using var store = SqliteStoryStore.Open(database);
            Console.Error.WriteLine(StorylinePipeline.Default.Ingest([corpus], store));
        }

        var app = StorylineServer.Build(new ServeSettings(database) { Urls = "http://127.0.0.1:0", Fetch = false, ConsoleLog = false });
        await app.StartAsync().ConfigureAwait(false);
        try
        {
            var address = StorylineServer.Addresses(app)[0];
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseCookies = false })
            {
                BaseAddress = new Uri(address),
            };
            var story = await LargestRecentStoryAsync(client).ConfigureAwait(false);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"database {database}; {Connections} connections, {Warmup.TotalSeconds:0} s warm-up, {Measure.TotalSeconds:0} s per route; story {story}");
            report.AppendLine("route\trequests/s\tp50 ms\tp99 ms\tmax ms\terrors");
            foreach (var path in new[] { "/", $"/stories/{story}", "/api/stories" })
            {
                await LoadAsync(client, path, Warmup).ConfigureAwait(false);
                var (count, latencies, errors) = await LoadAsync(client, path, Measure).ConfigureAwait(false);
                latencies.Sort();
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{path}\t{count / Measure.TotalSeconds:0}\t{Percentile(latencies, 0.50):0.0}\t{Percentile(latencies, 0.99):0.0}\t{latencies[^1]:0.0}\t{errors}");
            }

            return report.ToString();
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<long> LargestRecentStoryAsync(HttpClient client)
    {
        using var stories = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stories?limit=200", UriKind.Relative)).ConfigureAwait(false));
        return stories.RootElement.EnumerateArray()
            .MaxBy(s => s.GetProperty("articles").GetArrayLength())
            .GetProperty("story").GetInt64();
    }

    /// <summary>Each of the connections asks for the path again as soon as it has the answer, until the time is up.</summary>
    private static async Task<(long Count, List<double> Latencies, long Errors)> LoadAsync(HttpClient client, string path, TimeSpan duration)
    {
        var uri = new Uri(path, UriKind.Relative);
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(8192);
            long errors = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToList();
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var all = results.SelectMany(r => r.latencies).ToList();
        return (all.Count, all, results.Sum(r => r.errors));
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}

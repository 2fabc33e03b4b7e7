using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Storyline.Feeds;
using Storyline.Reading.Fetching;
using Storyline.Storage;

namespace Storyline.Bench.Feeds;

/// <summary>
/// <c>bench -- feeds-poll [N]</c>: N feeds (default 1,000) served on loopback by 8 local hosts (127.0.0.1–8), each
/// with 10 entries. Poll 1 reads them all; poll 2, a day later, finds 90% unchanged (304 to the validators sent back)
/// and 10% with two new entries. Prints each poll's time and the process's peak working set.
/// </summary>
internal static class FeedPollRunner
{
    private const int Hosts = 8;
    private const int EntriesPerFeed = 10;

    public static async Task<int> RunAsync(int feeds)
    {
        var port = FreePort();
        var round = 0;
        await using var app = StartServer(port, () => round);
        using var directory = new TemporaryDatabase();
        var clock = new SteppedClock(new DateTimeOffset(2025, 6, 8, 0, 0, 0, TimeSpan.Zero));
        using (var store = SqliteStoryStore.Open(directory.Path))
        {
            for (var i = 0; i < feeds; i++)
            {
                store.AddFeed($"http://127.0.0.{1 + (i % Hosts)}:{port}/feed/{i}", null, clock.GetUtcNow());
            }
        }

        var options = new FeedPollerOptions
        {
            Time = clock,
            FullText = false,
            Fetch = FetchOptions.Default with { AllowPrivateAddresses = true },
        };
        using var poller = new FeedPoller(() => SqliteStoryStore.Open(directory.Path), new StorylinePipelineBuilder().Build(), options);
        foreach (var label in new[] { "poll 1 (all new)", "poll 2 (90% not modified, 10% with 2 new entries)" })
        {
            var watch = Stopwatch.StartNew();
            var summary = await poller.PollDueAsync(CancellationToken.None);
            Console.WriteLine($"{label}: {summary}; {watch.Elapsed.TotalSeconds:0.0} s");
            clock.Advance(TimeSpan.FromDays(1));
            round++;
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{feeds} feeds on {Hosts} loopback hosts; peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MB");
        return 0;
    }

    private static WebApplication StartServer(int port, Func<int> round)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Enumerable.Range(1, Hosts).Select(h => $"http://127.0.0.{h}:{port}").ToArray());
        var app = builder.Build();
        app.Run(context => Serve(context, round()));
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    private static Task Serve(HttpContext context, int round)
    {
        var id = int.Parse(context.Request.Path.Value!.AsSpan("/feed/".Length), CultureInfo.InvariantCulture);
        var changes = round > 0 && id % 10 == 0;
        var version = changes ? round : 0;
        var etag = $"\"{id}-{version}\"";
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = 304;
            return Task.CompletedTask;
        }

        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        return context.Response.WriteAsync(Feed(id, version));
    }

    private static string Feed(int id, int version)
    {
        var rss = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Outlet {id}</title><link>https://outlet{id}.example/</link>");
        var start = new DateTimeOffset(2025, 6, 7, 12, 0, 0, TimeSpan.Zero);
        for (var e = EntriesPerFeed + (2 * version) - 1; e >= 0; e--)
        {
            var when = start.AddHours(e * 3).ToString("r", CultureInfo.InvariantCulture);
            rss.Append(CultureInfo.InvariantCulture, $"<item><title>Outlet {id} report {e}: council votes on budget {id * 100 + e}</title>");
            rss.Append(CultureInfo.InvariantCulture, $"<link>https://outlet{id}.example/{e}</link><guid>https://outlet{id}.example/{e}</guid><pubDate>{when}</pubDate>");
            rss.Append(CultureInfo.InvariantCulture, $"<description>&lt;p&gt;Outlet {id} reports item {e}: the council of district {id * 100 + e} voted on its budget, ");
            rss.Append("with the mayor saying roads and schools come first. Critics said the plan raised taxes too far.&lt;/p&gt;</description></item>");
        }

        return rss.Append("</channel></rss>").ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class TemporaryDatabase : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("storyline-feeds-poll").FullName;

        public string Path => System.IO.Path.Combine(_directory, "feeds.db");

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Storyline.Feeds;
using Storyline.Reading.Fetching;
using Storyline.Storage;

namespace Storyline.Tests.Feeds;

/// <summary>The poller against a local server, on a fake clock: what is stored, recorded and scheduled.</summary>
public sealed class FeedPollerTests : IDisposable
{
    private static readonly StorylinePipeline Pipeline = new StorylinePipelineBuilder().UseAnalysis(false).Build();
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 8, 0, 0, 0, TimeSpan.Zero));

    private string Database => _directory.File("feeds.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_second_poll_is_conditional_and_stores_nothing_twice()
    {
        await using var server = await LocalServer.StartAsync();
        var feed = FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0), ("b", "/b", "Vaccine trial", FeedSamples.Body(1), 1)]);
        server.Map("/feed", context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = "\"v1\"";
            return context.Response.WriteAsync(feed);
        });
        Subscribe(server.Url("/feed"));
        using var poller = Poller();

        var first = await poller.PollDueAsync(CancellationToken.None);
        var early = await poller.PollDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        var second = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal((1, 2, 0), (first.Polled, first.NewArticles, first.Failures.Count));
        Assert.Equal(0, early.Polled);
        Assert.Equal((1, 1, 0), (second.Polled, second.NotModified, second.NewArticles));
        Assert.Equal(2, ArticleCount());
        var listed = Feed();
        Assert.Equal(304, listed.LastStatus);
        Assert.Equal(2, listed.ArticlesStored);
        Assert.Equal("Daily", listed.Title);
    }

    [Fact]
    public async Task A_server_ignoring_conditional_requests_sends_the_same_bytes_which_are_not_read_again()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/feed"));
        using var poller = Poller();

        await poller.PollDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        var second = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal((1, 0), (second.NotModified, second.NewArticles));
    }

    [Fact]
    public async Task A_feed_that_changes_its_guids_neither_duplicates_nor_drops_articles()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a1", "/a", "Budget approved", FeedSamples.Body(0), 0), ("b1", "/b", "Vaccine trial", FeedSamples.Body(1), 1)]));
        Subscribe(server.Url("/feed"));
        using var poller = Poller();
        await poller.PollDueAsync(CancellationToken.None);

        // The same entries under new guids, and a new one whose guid the feed reuses from an old entry.
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily",
        [
            ("a2", "/a", "Budget approved", FeedSamples.Body(0), 0),
            ("b2", "/b", "Vaccine trial", FeedSamples.Body(1), 1),
            ("a1", "/c", "Football final", FeedSamples.Body(2), 0),
        ]));
        _time.Advance(TimeSpan.FromDays(1));
        var second = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(1, second.NewArticles);
        Assert.Equal(3, ArticleCount());
    }

    [Fact]
    public async Task An_edited_entry_is_stored_once_as_a_new_version()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/feed"));
        using var poller = Poller();
        await poller.PollDueAsync(CancellationToken.None);

        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved, with corrections", FeedSamples.Body(0, " (corrected)"), 0)]));
        _time.Advance(TimeSpan.FromDays(1));
        var edited = await poller.PollDueAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved, with corrections", FeedSamples.Body(0, " (corrected)") + " ", 0)]));
        var again = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(1, edited.NewArticles);
        Assert.Equal(0, again.NewArticles);
        Assert.Equal(2, ArticleCount());
    }

    [Fact]
    public async Task Permanent_redirects_move_the_subscription_and_temporary_ones_do_not()
    {
        await using var server = await LocalServer.StartAsync();
        server.Map("/moved", c => LocalServer.Redirect(c, 301, "/feed"));
        server.Map("/elsewhere", c => LocalServer.Redirect(c, 307, "/other"));
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        server.Serve("/other", FeedSamples.Rss(server.BaseUri, "Other", [("b", "/b", "Vaccine trial", FeedSamples.Body(1), 0)]));
        Subscribe(server.Url("/moved"));
        Subscribe(server.Url("/elsewhere"));
        using var poller = Poller();

        await poller.PollDueAsync(CancellationToken.None);

        var urls = Feeds().Select(f => f.Url).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([server.Url("/elsewhere").ToString(), server.Url("/feed").ToString()], urls);
    }

    [Fact]
    public async Task Too_many_requests_waits_as_asked_and_errors_back_off_exponentially_up_to_a_day()
    {
        await using var server = await LocalServer.StartAsync();
        server.Map("/busy", c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        server.Map("/broken", c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        Subscribe(server.Url("/busy"));
        Subscribe(server.Url("/broken"));
        using var poller = Poller();

        var summary = await poller.PollDueAsync(CancellationToken.None);
        var busy = Feeds().Single(f => f.Url.EndsWith("/busy", StringComparison.Ordinal));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            var broken = Feeds().Single(f => f.Url.EndsWith("/broken", StringComparison.Ordinal));
            waits.Add(broken.NextDue - broken.LastFetch!.Value);
            _time.SetUtcNow(broken.NextDue);
            await poller.PollDueAsync(CancellationToken.None);
        }

        Assert.Equal(2, summary.Failures.Count);
        Assert.Equal((429, 1), (busy.LastStatus, busy.ConsecutiveErrors));
        Assert.Equal(TimeSpan.FromHours(2), busy.NextDue - busy.LastFetch!.Value);
        Assert.Equal(TimeSpan.FromMinutes(15), waits[0]);
        Assert.Equal(TimeSpan.FromMinutes(30), waits[1]);
        Assert.Equal(TimeSpan.FromDays(1), waits[^1]);
        Assert.Equal(10, Feeds().Single(f => f.Url.EndsWith("/broken", StringComparison.Ordinal)).ConsecutiveErrors);
    }

    [Fact]
    public async Task The_schedule_follows_entry_frequency_within_bounds_raised_by_ttl()
    {
        await using var server = await LocalServer.StartAsync();
        var daily = FeedSamples.Rss(server.BaseUri, "Daily", Enumerable.Range(0, 4).Select(i => ($"d{i}", $"/d{i}", $"Story {i}", FeedSamples.Body(i), i)));
        server.Serve("/daily", daily);
        server.Serve("/ttl", daily.Replace("<channel>", "<channel><ttl>2880</ttl>", StringComparison.Ordinal).Replace("/d", "/t", StringComparison.Ordinal).Replace("Story", "Tale", StringComparison.Ordinal));
        Subscribe(server.Url("/daily"));
        Subscribe(server.Url("/ttl"));
        using var poller = Poller();

        await poller.PollDueAsync(CancellationToken.None);

        var feeds = Feeds();
        Assert.Equal(TimeSpan.FromDays(1), feeds.Single(f => f.Url.EndsWith("/daily", StringComparison.Ordinal)).Interval);
        Assert.Equal(TimeSpan.FromDays(1), feeds.Single(f => f.Url.EndsWith("/ttl", StringComparison.Ordinal)).Interval);
    }

    [Fact]
    public async Task Teasers_get_their_pages_fetched_where_robots_txt_allows()
    {
        await using var server = await LocalServer.StartAsync();
        var teaser = "<p>Short teaser…</p>";
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Teasers",
        [
            ("p1", "/articles/1", "Budget approved", teaser, 0),
            ("p2", "/private/2", "Vaccine trial", teaser, 1),
        ]));
        server.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        server.Serve("/articles/1", $"<html><head><title>Budget approved</title></head><body><nav>Home | World</nav><article><h1>Budget approved</h1>{FeedSamples.Body(0)}</article></body></html>", "text/html; charset=utf-8");
        server.Serve("/private/2", $"<html><body><article>{FeedSamples.Body(1)}</article></body></html>", "text/html");
        Subscribe(server.Url("/feed"));
        using var poller = Poller();

        var summary = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal((2, 1), (summary.NewArticles, summary.PagesFetched));
        Assert.Equal(0, server.Count("/private/2"));
        Assert.Equal(1, server.Count("/robots.txt"));
        using var store = SqliteStoryStore.Open(Database);
        var hits = store.Search("\"Paragraph 3 adds details\"", 10);
        Assert.Single(hits);
    }

    [Fact]
    public async Task Without_the_setting_no_request_reaches_a_private_address_and_the_failure_is_listed()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/feed"));
        using var poller = new FeedPoller(() => SqliteStoryStore.Open(Database), Pipeline, new FeedPollerOptions { Time = _time });

        var summary = await poller.PollDueAsync(CancellationToken.None);

        Assert.Contains("refused", Assert.Single(summary.Failures).Reason, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal(1, Feed().ConsecutiveErrors);
    }

    [Fact]
    public async Task A_malformed_feed_is_reported_and_the_others_are_fetched()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/bad", "<html><body>Not a feed</body></html>", "text/html");
        server.Serve("/good", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/bad"));
        Subscribe(server.Url("/good"));
        using var poller = Poller();

        var summary = await poller.PollDueAsync(CancellationToken.None);

        Assert.Contains("not a feed", Assert.Single(summary.Failures).Reason, StringComparison.Ordinal);
        Assert.Equal(1, summary.NewArticles);
    }

    [Fact]
    public async Task A_poll_stores_and_groups_under_the_databases_ingest_lock()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/feed"));
        var held = 0;
        using var cancel = new CancellationTokenSource();
        var options = new FeedPollerOptions
        {
            Time = _time,
            Fetch = FetchOptions.Default with { AllowPrivateAddresses = true },
            IngestLock = token =>
            {
                if (++held == 1)
                {
                    // The first poll reaches the lock while another ingest holds it, waits, and is then cancelled.
                    cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
                }

                return IngestLock.Acquire(Database, () => { }, token);
            },
        };
        using var poller = new FeedPoller(() => SqliteStoryStore.Open(Database), Pipeline, options);
        using (IngestLock.Acquire(Database, () => { }))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poller.PollDueAsync(cancel.Token));
        }

        Assert.Equal(0, ArticleCount());
        var summary = await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(1, summary.NewArticles);
        Assert.Equal(2, held);
    }

    [Fact]
    public async Task Run_polls_again_when_the_feed_is_due_on_the_clock_it_is_given_and_stops_when_cancelled()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", FeedSamples.Rss(server.BaseUri, "Daily", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        Subscribe(server.Url("/feed"));
        var polls = new System.Collections.Concurrent.ConcurrentQueue<PollSummary>();
        using var poller = Poller();
        poller.Polled += (_, summary) => polls.Enqueue(summary);
        using var stop = new CancellationTokenSource();

        var running = poller.RunAsync(stop.Token);
        for (var step = 0; step < 2_000 && polls.Count < 2; step++)
        {
            // Nothing happens on the real clock: the fake one is moved on until the feed is due again.
            await Task.Delay(5);
            if (polls.Count == 1)
            {
                _time.Advance(TimeSpan.FromMinutes(30));
            }
        }

        await stop.CancelAsync();
        await running;

        Assert.Equal(2, polls.Count);
        Assert.Equal(1, polls.First().NewArticles);
        Assert.Equal(1, polls.Last().NotModified);
        Assert.Equal(2, server.Count("/feed"));
    }

    private FeedPoller Poller() => new(
        () => SqliteStoryStore.Open(Database),
        Pipeline,
        new FeedPollerOptions { Time = _time, Fetch = FetchOptions.Default with { AllowPrivateAddresses = true } });

    private void Subscribe(Uri url)
    {
        using var store = SqliteStoryStore.Open(Database);
        store.AddFeed(url.ToString(), null, _time.GetUtcNow());
    }

    private IReadOnlyList<FeedSubscription> Feeds()
    {
        using var store = SqliteStoryStore.Open(Database);
        return store.ListFeeds();
    }

    private FeedSubscription Feed() => Assert.Single(Feeds());

    private long ArticleCount()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles;";
        return (long)command.ExecuteScalar()!;
    }
}

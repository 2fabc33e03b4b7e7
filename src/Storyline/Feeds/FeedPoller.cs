using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Reading.Feeds;
using Storyline.Reading.Fetching;
using Storyline.Storage;

namespace Storyline.Feeds;

/// <summary>
/// The feed scheduler: polls the subscriptions that are due, politely (<see cref="FeedHttpClient"/>), takes their new
/// and edited entries through the whole pipeline (extraction, analysis, dedupe, grouping) and records what it took in
/// and when each feed is next due. Used by <c>storyline fetch</c> and, in the background, by <c>storyline serve</c>.
/// Entries are recorded only after ingest has committed them, so a poll cut short loses nothing: the next one sees
/// them again and ingest's dedupe stores them once. One poll at a time per poller; thread-safe.
/// </summary>
public sealed class FeedPoller : IDisposable
{
    private readonly Func<SqliteStoryStore> _openStore;
    private readonly StorylinePipeline _pipeline;
    private readonly FeedPollerOptions _options;
    private readonly FeedHttpClient _client;
    private readonly EntryDocuments _documents;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Creates a poller.</summary>
    /// <param name="openStore">Opens the store (once per poll; the poller disposes it).</param>
    /// <param name="pipeline">The pipeline entries are ingested through.</param>
    /// <param name="options">Network, clock and schedule settings.</param>
    public FeedPoller(Func<SqliteStoryStore> openStore, StorylinePipeline pipeline, FeedPollerOptions? options = null)
    {
        _openStore = openStore ?? throw new ArgumentNullException(nameof(openStore));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _options = options ?? new FeedPollerOptions();
        _client = new FeedHttpClient(_options.Fetch, _options.HandlerFactory?.Invoke(), _options.Time);
        _documents = new EntryDocuments(_client, new RobotsCache(_client, _options.Time), pipeline.Extractor, _options.FullText);
    }

    /// <summary>Raised after each poll of <see cref="RunAsync"/> with its summary.</summary>
    public event EventHandler<PollSummary>? Polled;

    /// <summary>Raised when a poll of <see cref="RunAsync"/> fails as a whole (the store unusable); polling goes on.</summary>
    public event EventHandler<Exception>? PollFailed;

    /// <summary>Polls every feed due now, ingests what is new, and returns what was done.</summary>
    public async Task<PollSummary> PollDueAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var store = _openStore();
            var summary = new PollSummary();
            var now = _options.Time.GetUtcNow();
            var due = store.DueFeeds(now, int.MaxValue);
            var pending = new PendingIngest();
            foreach (var round in due.Chunk(Math.Max(1, _options.FeedsPerRound)))
            {
                var fetched = await Task.WhenAll(round.Select(feed => FetchAsync(feed, cancellationToken))).ConfigureAwait(false);
                foreach (var outcome in fetched)
                {
                    summary.Polled++;
                    await TakeAsync(store, outcome, pending, summary, cancellationToken).ConfigureAwait(false);
                }

                if (pending.Documents.Count >= _options.DocumentsPerIngest)
                {
                    // Stored now to bound memory, grouped once at the end with the rest of the poll.
                    await IngestAsync(store, pending, summary, group: false, cancellationToken).ConfigureAwait(false);
                }
            }

            await IngestAsync(store, pending, summary, group: true, cancellationToken).ConfigureAwait(false);
            return summary;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Polls whenever a feed is due, until cancelled; each poll's summary is raised as <see cref="Polled"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var summary = await PollDueAsync(cancellationToken).ConfigureAwait(false);
                if (summary.Polled > 0)
                {
                    Polled?.Invoke(this, summary);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                PollFailed?.Invoke(this, e);
            }

            try
            {
                await Task.Delay(IdleTime(), _options.Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>How long to wait until the next feed is due (at least a second, at most <see cref="FeedPollerOptions.MaxIdle"/>).</summary>
    private TimeSpan IdleTime()
    {
        DateTimeOffset? next;
        try
        {
            using var store = _openStore();
            next = store.NextDue();
        }
        catch (StoreException)
        {
            next = null;
        }

        var wait = next is { } due ? due - _options.Time.GetUtcNow() : _options.MaxIdle;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > _options.MaxIdle ? _options.MaxIdle : wait;
    }

    private sealed record Fetched(FeedSubscription Feed, FetchResult Response, ParsedFeed? Parsed, string? BodyHash, DateTimeOffset At);

    private async Task<Fetched> FetchAsync(FeedSubscription feed, CancellationToken cancellationToken)
    {
        var validators = feed.BodyHash is null ? null : new Validators(feed.ETag, feed.LastModified);
        FetchResult response;
        if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri))
        {
            response = new FetchResult { FinalUri = new Uri("about:blank"), Failure = "not an absolute URL" };
        }
        else
        {
            response = await _client.GetAsync(uri, validators, cancellationToken).ConfigureAwait(false);
        }

        var at = _options.Time.GetUtcNow();
        if (!response.Succeeded || response.NotModified)
        {
            return new Fetched(feed, response, null, null, at);
        }

        var hash = EntryIdentity.BodyHash(response.Body);
        if (hash == feed.BodyHash)
        {
            // A server that ignores conditional requests: the same bytes again are not read again.
            return new Fetched(feed, response, null, hash, at);
        }

        var parsed = await Task.Run(() => FeedParser.Parse(response.Body, response.FinalUri.ToString(), response.Charset), cancellationToken).ConfigureAwait(false);
        return new Fetched(feed, response, parsed, hash, at);
    }

    /// <summary>Records a failed or unchanged feed at once; sorts a changed feed's entries and prepares their documents.</summary>
    private async Task TakeAsync(SqliteStoryStore store, Fetched fetched, PendingIngest pending, PollSummary summary, CancellationToken cancellationToken)
    {
        var (feed, response, parsed, hash, at) = fetched;
        var failure = response.Failure ?? (parsed is { Format: FeedFormat.Unknown } ? string.Join("; ", parsed.Problems.DefaultIfEmpty("not a feed")) : null);
        if (failure is not null)
        {
            var errors = feed.ConsecutiveErrors + 1;
            var due = at + FeedSchedule.AfterFailure(errors, response.RetryAfter, _options);
            store.RecordPoll(new FeedPollRecord { FeedId = feed.Id, Fetched = at, Status = (int?)response.Status, Error = failure, NextDue = due, ConsecutiveErrors = errors });
            summary.Failures.Add(new FeedFailure(feed.Url, failure, errors, due));
            return;
        }

        if (parsed is null)
        {
            summary.NotModified++;
            var interval = FeedSchedule.Regular(null, feed.Interval, null, response.Freshness, _options);
            store.RecordPoll(new FeedPollRecord
            {
                FeedId = feed.Id, Fetched = at, Status = (int?)response.Status, NextDue = at + interval, Interval = interval,
                Validators = response.Validators.ETag is null && response.Validators.LastModified is null ? null : response.Validators,
                MovedTo = response.MovedPermanentlyTo?.ToString(),
            });
            return;
        }

        var work = new PendingFeed(new FeedPollRecord
        {
            FeedId = feed.Id, Fetched = at, Status = (int?)response.Status,
            NextDue = at + FeedSchedule.Regular(parsed.Items, feed.Interval, parsed.TimeToLive, response.Freshness, _options),
            Interval = FeedSchedule.Regular(parsed.Items, feed.Interval, parsed.TimeToLive, response.Freshness, _options),
            Validators = response.Validators, BodyHash = hash, Title = parsed.Title, SiteUrl = parsed.Link,
            MovedTo = response.MovedPermanentlyTo?.ToString(),
        });
        var outlet = parsed.Title ?? feed.Title ?? response.FinalUri.Host;
        var builds = new List<Task<(RawDocument Document, bool PageFetched)>>();
        foreach (var item in parsed.Items)
        {
            var decision = EntryTriage.Decide(store, feed.Id, item);
            if (decision.Kind == EntryKind.Known)
            {
                continue;
            }

            work.Entries.Add(decision.State);
            if (decision.Kind == EntryKind.Renamed)
            {
                continue;
            }

            summary.NewEntries++;
            var entry = EntryDocuments.FromEntry(item, feed.Url, outlet, new FeedEntryStateKey(decision.State.Key, decision.State.ExternalId));
            builds.Add(_documents.BuildAsync(entry, item, cancellationToken));
        }

        foreach (var (document, pageFetched) in await Task.WhenAll(builds).ConfigureAwait(false))
        {
            pending.Documents.Add(document);
            summary.PagesFetched += pageFetched ? 1 : 0;
        }

        pending.Feeds[feed.Url] = work;
    }

    /// <summary>Ingests the pending documents in one go, then records their feeds' entries and polls.</summary>
    private async Task IngestAsync(SqliteStoryStore store, PendingIngest pending, PollSummary summary, bool group, CancellationToken cancellationToken)
    {
        if (pending.Feeds.Count == 0 && !(group && summary.NewArticles > 0))
        {
            return;
        }

        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        if (pending.Documents.Count > 0 || group)
        {
            var report = await Task.Run(
                () =>
                {
                    using var exclusive = _options.IngestLock?.Invoke(cancellationToken);
                    return _pipeline.Ingest(
                        pending.Documents,
                        store,
                        problem => summary.Problems.Add(problem),
                        article => Count(stored, article),
                        group,
                        cancellationToken);
                },
                CancellationToken.None).ConfigureAwait(false);
            summary.NewArticles += report.Stored;
        }

        // Cut short, ingest kept what it committed; entries and validators stay unrecorded, so the next poll reads
        // the feeds again and stores the rest once.
        cancellationToken.ThrowIfCancellationRequested();
        var now = _options.Time.GetUtcNow();
        foreach (var (url, work) in pending.Feeds)
        {
            store.RecordEntries(work.Poll.FeedId, work.Entries, now);
            store.RecordPoll(work.Poll with { ArticlesStored = stored.GetValueOrDefault(url) });
        }

        pending.Feeds.Clear();
        pending.Documents.Clear();
    }

    private static void Count(Dictionary<string, int> stored, Article article)
    {
        if (article.Metadata.TryGetValue(EntryDocuments.FeedKey, out var feed))
        {
            stored[feed] = stored.GetValueOrDefault(feed) + 1;
        }
    }

    private sealed class PendingIngest
    {
        public List<RawDocument> Documents { get; } = [];

        public Dictionary<string, PendingFeed> Feeds { get; } = new(StringComparer.Ordinal);
    }

    private sealed record PendingFeed(FeedPollRecord Poll)
    {
        public List<FeedEntryState> Entries { get; } = [];
    }
}

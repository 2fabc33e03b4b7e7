using Storyline.Reading.Fetching;

namespace Storyline.Feeds;

/// <summary>How <see cref="FeedPoller"/> polls: network behaviour, the clock, the schedule's bounds, full text.</summary>
public sealed record FeedPollerOptions
{
    /// <summary>Limits, timeouts, identity and the SSRF guard of every request.</summary>
    public FetchOptions Fetch { get; init; } = FetchOptions.Default;

    /// <summary>The clock scheduling runs on (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Makes the HTTP handler; null for the guarded default (tests may bring their own).</summary>
    public Func<HttpMessageHandler>? HandlerFactory { get; init; }

    /// <summary>Whether teaser entries get their linked page fetched and extracted.</summary>
    public bool FullText { get; init; } = true;

    /// <summary>Shortest regular interval between two polls of a feed.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest regular interval between two polls of a feed.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The interval of a feed whose entries carry no dates.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The wait after a first failure; it doubles with each failure in a row.</summary>
    public TimeSpan ErrorBackoff { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest wait after failures (and the longest Retry-After honoured).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Feeds fetched together before their entries are taken in (bounds memory).</summary>
    public int FeedsPerRound { get; init; } = 64;

    /// <summary>New documents held before they are ingested (bounds memory).</summary>
    public int DocumentsPerIngest { get; init; } = 2_000;

    /// <summary>
    /// Takes the database's ingest lock (<see cref="Storage.IngestLock"/>) for the time a poll stores and groups, so that
    /// a poll and an ingest in another process (or <c>serve</c>'s poller and <c>fetch</c>) never group at once; null
    /// when the caller is the database's only writer.
    /// </summary>
    public Func<CancellationToken, IDisposable>? IngestLock { get; init; }

    /// <summary>Longest wait of <see cref="FeedPoller.RunAsync"/> between two looks at the schedule.</summary>
    public TimeSpan MaxIdle { get; init; } = TimeSpan.FromMinutes(1);
}

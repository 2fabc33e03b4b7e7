namespace Storyline.Storage;

/// <summary>
/// Feed subscriptions and what has been taken in from each feed: the store as the feed poller and the
/// <c>storyline feeds</c> commands use it. Kept apart from <see cref="IStoryStore"/> (one small interface per
/// consumer). Every write is one transaction.
/// </summary>
public interface IFeedStore
{
    /// <summary>Subscribes to <paramref name="url"/>, due at once; false when it is already subscribed.</summary>
    bool AddFeed(string url, string? title, DateTimeOffset now);

    /// <summary>Unsubscribes from <paramref name="url"/> (its articles stay stored); false when it was not subscribed.</summary>
    bool RemoveFeed(string url);

    /// <summary>Every subscription, by URL.</summary>
    IReadOnlyList<FeedSubscription> ListFeeds();

    /// <summary>The subscriptions due at <paramref name="now"/>, most overdue first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<FeedSubscription> DueFeeds(DateTimeOffset now, int limit);

    /// <summary>When the next subscription is due, or null when there is none.</summary>
    DateTimeOffset? NextDue();

    /// <summary>Records the outcome of polling one feed (state, validators, schedule; a new URL after a permanent redirect).</summary>
    void RecordPoll(FeedPollRecord record);

    /// <summary>Entries taken in from the feed that share its key, link or title-and-content hash with an entry being read.</summary>
    IReadOnlyList<FeedEntryState> FindEntries(long feedId, string key, string? link, string contentHash);

    /// <summary>Records entries as taken in (new ones added, known ones updated), in one transaction.</summary>
    void RecordEntries(long feedId, IReadOnlyList<FeedEntryState> entries, DateTimeOffset now);
}

/// <summary>A subscription and its polling state.</summary>
public sealed record FeedSubscription
{
    /// <summary>The subscription's row id.</summary>
    public required long Id { get; init; }

    /// <summary>The feed's URL (updated after a permanent redirect).</summary>
    public required string Url { get; init; }

    /// <summary>The feed's title, from the feed (or OPML).</summary>
    public string? Title { get; init; }

    /// <summary>The site the feed belongs to.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>When it was last polled.</summary>
    public DateTimeOffset? LastFetch { get; init; }

    /// <summary>The HTTP status of the last poll (null when no response came).</summary>
    public int? LastStatus { get; init; }

    /// <summary>Why the last poll failed, or null.</summary>
    public string? LastError { get; init; }

    /// <summary>The validators of the last full response.</summary>
    public string? ETag { get; init; }

    /// <summary>The Last-Modified of the last full response, as received.</summary>
    public string? LastModified { get; init; }

    /// <summary>A hash of the last body read, to notice a server that ignores conditional requests.</summary>
    public string? BodyHash { get; init; }

    /// <summary>When it is next due.</summary>
    public required DateTimeOffset NextDue { get; init; }

    /// <summary>Polls failed in a row since the last success.</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>The regular interval between polls, from the feed's entry frequency and cache hints.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Articles stored from this feed.</summary>
    public long ArticlesStored { get; init; }
}

/// <summary>The outcome of one poll of a feed, as <see cref="IFeedStore.RecordPoll"/> stores it.</summary>
public sealed record FeedPollRecord
{
    /// <summary>The subscription.</summary>
    public required long FeedId { get; init; }

    /// <summary>When it was polled.</summary>
    public required DateTimeOffset Fetched { get; init; }

    /// <summary>The HTTP status, or null when no response came.</summary>
    public int? Status { get; init; }

    /// <summary>Why it failed, or null on success.</summary>
    public string? Error { get; init; }

    /// <summary>When it is next due.</summary>
    public required DateTimeOffset NextDue { get; init; }

    /// <summary>Polls failed in a row, this one included.</summary>
    public int ConsecutiveErrors { get; init; }

    /// <summary>The regular interval, or null to keep the stored one.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>New validators, or null to keep the stored ones.</summary>
    public Reading.Fetching.Validators? Validators { get; init; }

    /// <summary>The hash of the body read, or null to keep the stored one.</summary>
    public string? BodyHash { get; init; }

    /// <summary>The feed's title, or null to keep the stored one.</summary>
    public string? Title { get; init; }

    /// <summary>The feed's site, or null to keep the stored one.</summary>
    public string? SiteUrl { get; init; }

    /// <summary>The feed's new URL after a permanent redirect, or null.</summary>
    public string? MovedTo { get; init; }

    /// <summary>Articles stored from the feed in this poll.</summary>
    public int ArticlesStored { get; init; }
}

/// <summary>An entry taken in from a feed: how it is recognised when it comes again, and the article it became.</summary>
/// <param name="Key">Its identity: guid/id, else link, else a hash of title and content (unique within the feed).</param>
/// <param name="Link">Its link, when it has one.</param>
/// <param name="ContentHash">A hash of its title and content as last taken in (an edit changes it).</param>
/// <param name="ExternalId">The id of the article it became.</param>
public sealed record FeedEntryState(string Key, string? Link, string ContentHash, string ExternalId);

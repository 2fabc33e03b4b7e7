namespace Storyline.Reading.Feeds;

/// <summary>
/// What Storyline reads from one feed document: the feed's own metadata, its entries, and the problems met on the
/// way (a feed that is partly broken still yields the entries read before the break). Text is plain text; links
/// are absolute where the feed gave a base to resolve them against.
/// </summary>
public sealed class ParsedFeed
{
    /// <summary>The format recognised; <see cref="FeedFormat.Unknown"/> when the document is not a feed.</summary>
    public FeedFormat Format { get; init; }

    /// <summary>The feed's title.</summary>
    public string? Title { get; init; }

    /// <summary>The site the feed belongs to (its alternate link), else its first link.</summary>
    public string? Link { get; init; }

    /// <summary>The feed's id (Atom id, JSON Feed feed_url), as written.</summary>
    public string? Id { get; init; }

    /// <summary>The feed's subtitle or description.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The feed's language tag ("en", "en-US").</summary>
    public string? Language { get; init; }

    /// <summary>The feed's author, the name only.</summary>
    public string? Author { get; init; }

    /// <summary>When the feed says it was first published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the feed says it was last updated.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>RSS <c>ttl</c>: how long the publisher asks readers to wait between polls.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The entries, in document order.</summary>
    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>What was wrong with the document, in words; empty for a clean feed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>One entry of a feed.</summary>
public sealed class FeedItem
{
    /// <summary>The entry's own id (RSS guid, Atom id, JSON Feed id), as written; null when it has none.</summary>
    public string? Id { get; init; }

    /// <summary>The entry's title as plain text.</summary>
    public string? Title { get; init; }

    /// <summary>The entry's page, absolute.</summary>
    public string? Link { get; init; }

    /// <summary>The author's name.</summary>
    public string? Author { get; init; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When it was last updated.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The summary (RSS description, Atom summary) as plain text, paragraphs separated by blank lines.</summary>
    public string? Summary { get; init; }

    /// <summary>The full content (content:encoded, Atom content, JSON Feed content) as plain text.</summary>
    public string? Content { get; init; }

    /// <summary>The summary as HTML (plain text escaped when the feed gave text).</summary>
    public string? SummaryHtml { get; init; }

    /// <summary>The content as HTML (plain text escaped when the feed gave text).</summary>
    public string? ContentHtml { get; init; }

    /// <summary>The entry's language tag, inherited from the feed when it has none of its own.</summary>
    public string? Language { get; init; }

    /// <summary>Attached media (podcast audio, images).</summary>
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}

/// <summary>A file attached to an entry (RSS enclosure, Atom link rel="enclosure", JSON Feed attachment).</summary>
/// <param name="Url">Where it is, absolute.</param>
/// <param name="MediaType">Its declared media type, when given.</param>
/// <param name="Length">Its declared size in bytes, when given.</param>
public sealed record FeedEnclosure(string Url, string? MediaType, long? Length);

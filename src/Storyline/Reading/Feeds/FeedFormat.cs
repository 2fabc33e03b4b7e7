namespace Storyline.Reading.Feeds;

/// <summary>The syndication format a feed was written in, as <see cref="FeedParser"/> recognised it.</summary>
public enum FeedFormat
{
    /// <summary>Not recognised as a feed.</summary>
    Unknown,

    /// <summary>RSS 0.90 (Netscape's RDF).</summary>
    Rss090,

    /// <summary>RSS 0.91 to 0.94, or RSS without a version.</summary>
    Rss09x,

    /// <summary>RSS 1.0 (RDF).</summary>
    Rss10,

    /// <summary>RSS 2.0.</summary>
    Rss20,

    /// <summary>Atom 0.3.</summary>
    Atom03,

    /// <summary>Atom 1.0.</summary>
    Atom10,

    /// <summary>JSON Feed 1.0.</summary>
    JsonFeed10,

    /// <summary>JSON Feed 1.1.</summary>
    JsonFeed11,
}

/// <summary>Names of <see cref="FeedFormat"/> as printed in <c>feeds parse --json</c>.</summary>
public static class FeedFormatNames
{
    /// <summary>The short name: "rss20", "atom10", "json11"…</summary>
    public static string Name(this FeedFormat format) => format switch
    {
        FeedFormat.Rss090 => "rss090",
        FeedFormat.Rss09x => "rss09x",
        FeedFormat.Rss10 => "rss10",
        FeedFormat.Rss20 => "rss20",
        FeedFormat.Atom03 => "atom03",
        FeedFormat.Atom10 => "atom10",
        FeedFormat.JsonFeed10 => "json10",
        FeedFormat.JsonFeed11 => "json11",
        _ => "unknown",
    };
}

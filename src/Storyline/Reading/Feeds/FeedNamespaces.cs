namespace Storyline.Reading.Feeds;

/// <summary>The namespace URIs of the feed formats and the extension modules the parser reads.</summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Media = "http://search.yahoo.com/mrss/";

    /// <summary>Namespaces RSS 0.9x/2.0 has been published under besides none.</summary>
    public static readonly HashSet<string> Rss2 = new(StringComparer.Ordinal)
    {
        "", "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/2.0/",
        "http://backend.userland.com/rss", Rss10, Rss090,
    };
}

using System.Globalization;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Maps an RSS document (0.90, 0.9x, 1.0/RDF, 2.0, in or out of a namespace) to a <see cref="ParsedFeed"/>, with
/// the extension modules real feeds use: Dublin Core, content:encoded, Atom links inside RSS, enclosures.
/// Only elements of RSS's own namespace count as core (an extension's <c>description</c> is not the item's).
/// </summary>
internal sealed class RssFeedMapper
{
    private readonly HashSet<string> _core;

    private RssFeedMapper(FeedNode root)
    {
        _core = new HashSet<string>(FeedNamespaces.Rss2, StringComparer.Ordinal) { root.Namespace };
        _core.Remove(FeedNamespaces.Rdf);
    }

    public static ParsedFeed Map(FeedNode root, IReadOnlyList<string> problems)
    {
        var mapper = new RssFeedMapper(root);
        var channel = root.Elements().FirstOrDefault(e => e.Name == "channel" && mapper.Core(e)) ?? root;
        var format = root.Name == "RDF"
            ? (root.Elements().Any(e => e.Namespace == FeedNamespaces.Rss090) ? FeedFormat.Rss090 : FeedFormat.Rss10)
            : (root.Attribute("version")?.Trim().StartsWith('2') == true ? FeedFormat.Rss20 : FeedFormat.Rss09x);
        var language = FeedLanguage(mapper.Core(channel, "language")?.Text() ?? Child(channel, FeedNamespaces.DublinCore, "language")?.Text() ?? channel.Language);
        var link = mapper.Link(channel);
        var items = channel.Elements().Concat(channel == root ? [] : root.Elements())
            .Where(e => e.Name == "item" && mapper.Core(e) && e.Complete)
            .Select(item => mapper.Item(item, language, link))
            .ToList();
        var ttl = mapper.Core(channel, "ttl")?.Text();
        return new ParsedFeed
        {
            Format = format,
            Title = (FeedConstructs.Rss(mapper.Core(channel, "title") ?? Child(channel, FeedNamespaces.DublinCore, "title"))).Text,
            Link = link,
            Id = null,
            Subtitle = FeedConstructs.Rss(mapper.Core(channel, "description") ?? Child(channel, FeedNamespaces.DublinCore, "description")).Text,
            Language = language,
            Author = mapper.Author(channel, "managingEditor", "webMaster"),
            Published = FeedDates.Parse(mapper.Core(channel, "pubDate")?.Text() ?? Child(channel, FeedNamespaces.DublinCoreTerms, "issued")?.Text()),
            Updated = FeedDates.Parse(mapper.Core(channel, "lastBuildDate")?.Text() ?? Child(channel, FeedNamespaces.DublinCore, "date")?.Text() ?? Child(channel, FeedNamespaces.DublinCoreTerms, "modified")?.Text()),
            TimeToLive = int.TryParse(ttl, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and < 100_000 ? TimeSpan.FromMinutes(minutes) : null,
            Items = items,
            Problems = problems,
        };
    }

    /// <summary>A language tag in its usual form ("en_US" becomes "en-US").</summary>
    public static string? FeedLanguage(string? tag)
    {
        var trimmed = tag?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Replace('_', '-');
    }

    private static FeedNode? Child(FeedNode parent, string ns, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name == name && e.Namespace == ns);

    private bool Core(FeedNode node) => _core.Contains(node.Namespace);

    private FeedNode? Core(FeedNode parent, string name) => parent.Elements().FirstOrDefault(e => e.Name == name && Core(e));

    private FeedItem Item(FeedNode item, string? feedLanguage, string? siteLink)
    {
        // The first of description and summary is the summary; the other stands for the content when there is no
        // content:encoded (as feedparser reads them).
        var texts = item.Elements().Where(e => e.Name is "description" or "summary" && Core(e)).Take(2).ToList();
        var summary = FeedConstructs.Rss(texts.FirstOrDefault() ?? Child(item, FeedNamespaces.DublinCore, "description"));
        var contentNode = Child(item, FeedNamespaces.Content, "encoded") ?? Child(item, FeedNamespaces.Xhtml, "body") ?? Core(item, "fullitem") ?? (texts.Count > 1 ? texts[1] : null);
        var content = FeedConstructs.Rss(contentNode);
        if (summary.Html is null)
        {
            summary = content;
        }

        var guid = Core(item, "guid");
        var id = guid?.Text().Trim() ?? item.Attribute("rdf:about")?.Trim();
        return new FeedItem
        {
            Id = string.IsNullOrEmpty(id) ? null : id,
            Title = FeedConstructs.Rss(Core(item, "title") ?? Child(item, FeedNamespaces.DublinCore, "title")).Text,
            Link = AgainstSite(Link(item) ?? PermalinkGuid(guid), siteLink),
            Author = Author(item),
            Published = FeedDates.Parse(Core(item, "pubDate")?.Text() ?? Child(item, FeedNamespaces.DublinCoreTerms, "issued")?.Text()),
            Updated = FeedDates.Parse(Child(item, FeedNamespaces.DublinCore, "date")?.Text() ?? Child(item, FeedNamespaces.DublinCoreTerms, "modified")?.Text() ?? Child(item, FeedNamespaces.Atom10, "updated")?.Text()),
            Summary = summary.Text,
            SummaryHtml = summary.Html,
            Content = content.Text,
            ContentHtml = content.Html,
            Language = FeedLanguage(Child(item, FeedNamespaces.DublinCore, "language")?.Text() ?? item.Language) ?? feedLanguage,
            Enclosures = Enclosures(item).Select(e => e with { Url = AgainstSite(e.Url, siteLink)! }).ToList(),
        };
    }

    /// <summary>A link still relative after xml:base (a feed read from a file, or without a base) resolved against the channel's link.</summary>
    private static string? AgainstSite(string? link, string? siteLink) =>
        link is null || siteLink is null || Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is not "file" ? link : FeedXmlTree.Resolve(siteLink, link);

    private string? Link(FeedNode parent)
    {
        if (Core(parent, "link") is { } link && link.Text().Trim() is { Length: > 0 } href)
        {
            return FeedXmlTree.Resolve(link.Base, href);
        }

        var atomLink = parent.Elements().FirstOrDefault(e => e.Name == "link" && e.Namespace == FeedNamespaces.Atom10 && (e.Attribute("rel") ?? "alternate") == "alternate");
        return atomLink?.Attribute("href") is { } atomHref ? FeedXmlTree.Resolve(atomLink.Base, atomHref) : null;
    }

    private static string? PermalinkGuid(FeedNode? guid)
    {
        if (guid is null || string.Equals(guid.Attribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = guid.Text().Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? text : null;
    }

    private string? Author(FeedNode parent, params string[] coreFallbacks)
    {
        var node = Core(parent, "author") ?? Child(parent, FeedNamespaces.DublinCore, "creator") ?? Child(parent, FeedNamespaces.DublinCore, "author");
        foreach (var name in coreFallbacks)
        {
            node ??= Core(parent, name);
        }

        if (node is not null && node.Elements().FirstOrDefault(e => e.Name == "name") is { } nested)
        {
            node = nested;
        }

        return FeedConstructs.AuthorName(node?.Text());
    }

    private List<FeedEnclosure> Enclosures(FeedNode item)
    {
        var enclosures = new List<FeedEnclosure>();
        foreach (var e in item.Elements())
        {
            var isEnclosure = (e.Name == "enclosure" && Core(e)) || (e.Name == "content" && e.Namespace == FeedNamespaces.Media);
            if (isEnclosure && e.Attribute("url") is { Length: > 0 } url)
            {
                var length = long.TryParse(e.Attribute("length") ?? e.Attribute("fileSize"), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : (long?)null;
                enclosures.Add(new FeedEnclosure(FeedXmlTree.Resolve(e.Base, url), e.Attribute("type"), length));
            }
        }

        return enclosures;
    }
}

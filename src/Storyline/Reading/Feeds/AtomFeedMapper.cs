using System.Globalization;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Maps an Atom document (1.0, 0.3, or a <c>feed</c> in no namespace) to a <see cref="ParsedFeed"/>: text
/// constructs of every type, links resolved against xml:base, authors' names, and Atom 0.3's element names
/// (tagline, modified, issued).
/// </summary>
internal sealed class AtomFeedMapper
{
    private readonly string _ns;

    private AtomFeedMapper(FeedNode root) => _ns = root.Namespace;

    public static ParsedFeed Map(FeedNode root, IReadOnlyList<string> problems)
    {
        var mapper = new AtomFeedMapper(root);
        var format = root.Namespace == FeedNamespaces.Atom03 || root.Attribute("version")?.Trim() == "0.3" ? FeedFormat.Atom03 : FeedFormat.Atom10;
        var language = RssFeedMapper.FeedLanguage(root.Language ?? Child(root, FeedNamespaces.DublinCore, "language")?.Text());
        var feedAuthor = mapper.Author(root);
        return new ParsedFeed
        {
            Format = format,
            Title = FeedConstructs.Atom(mapper.Core(root, "title")).Text,
            Link = mapper.Link(root, "alternate"),
            Id = mapper.Core(root, "id")?.Text().Trim(),
            Subtitle = FeedConstructs.Atom(mapper.Core(root, "subtitle") ?? mapper.Core(root, "tagline")).Text,
            Language = language,
            Author = feedAuthor,
            Published = FeedDates.Parse((mapper.LastCore(root, "published") ?? mapper.LastCore(root, "issued"))?.Text()),
            Updated = FeedDates.Parse((mapper.LastCore(root, "updated") ?? mapper.LastCore(root, "modified"))?.Text()),
            Items = root.Elements().Where(e => e.Name == "entry" && mapper.Core(e) && e.Complete).Select(e => mapper.Entry(e, language)).ToList(),
            Problems = problems,
        };
    }

    private bool Core(FeedNode node) => node.Namespace == _ns || node.Namespace is FeedNamespaces.Atom10 or FeedNamespaces.Atom03;

    private FeedNode? Core(FeedNode parent, string name) => parent.Elements().FirstOrDefault(e => e.Name == name && Core(e));

    /// <summary>The last element of that name: a repeated date element is overwritten by the later one, as feedparser reads it.</summary>
    private FeedNode? LastCore(FeedNode parent, string name) => parent.Elements().LastOrDefault(e => e.Name == name && Core(e));

    private static FeedNode? Child(FeedNode parent, string ns, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name == name && e.Namespace == ns);

    private FeedItem Entry(FeedNode entry, string? feedLanguage)
    {
        var summary = FeedConstructs.Atom(Core(entry, "summary"));
        var content = FeedConstructs.Atom(Core(entry, "content"));
        if (summary.Html is null)
        {
            summary = content;
        }

        var id = Core(entry, "id")?.Text().Trim();
        return new FeedItem
        {
            Id = string.IsNullOrEmpty(id) ? null : id,
            Title = FeedConstructs.Atom(Core(entry, "title")).Text,
            Link = Link(entry, "alternate"),
            Author = Author(entry),
            Published = FeedDates.Parse((LastCore(entry, "published") ?? LastCore(entry, "issued") ?? LastCore(entry, "created"))?.Text()),
            Updated = FeedDates.Parse((LastCore(entry, "updated") ?? LastCore(entry, "modified"))?.Text()),
            Summary = summary.Text,
            SummaryHtml = summary.Html,
            Content = content.Text,
            ContentHtml = content.Html,
            Language = RssFeedMapper.FeedLanguage(entry.Language) ?? feedLanguage,
            Enclosures = entry.Elements()
                .Where(e => e.Name == "link" && Core(e) && e.Attribute("rel")?.Trim() == "enclosure" && !string.IsNullOrWhiteSpace(e.Attribute("href")))
                .Select(e => new FeedEnclosure(
                    FeedXmlTree.Resolve(e.Base, e.Attribute("href")!),
                    e.Attribute("type"),
                    long.TryParse(e.Attribute("length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null))
                .ToList(),
        };
    }

    /// <summary>The link of relation <paramref name="rel"/> (HTML first), else the first link; absolute.</summary>
    private string? Link(FeedNode parent, string rel)
    {
        var links = parent.Elements().Where(e => e.Name == "link" && Core(e) && e.Attribute("href") is not null).ToList();
        var chosen = links.Where(l => (l.Attribute("rel")?.Trim() ?? "alternate") == rel)
            .OrderBy(l => l.Attribute("type") is null or "text/html" or "application/xhtml+xml" ? 0 : 1)
            .FirstOrDefault() ?? links.FirstOrDefault();
        return chosen is null ? null : FeedXmlTree.Resolve(chosen.Base, chosen.Attribute("href")!);
    }

    private string? Author(FeedNode parent)
    {
        var author = Core(parent, "author");
        var name = author is null ? null : Core(author, "name")?.Text() ?? (author.Elements().Any() ? null : author.Text());
        name ??= Child(parent, FeedNamespaces.DublinCore, "creator")?.Text();
        return FeedConstructs.AuthorName(name);
    }
}

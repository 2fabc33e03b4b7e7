using AngleSharp.Html.Parser;

namespace Storyline.Reading.Feeds;

/// <summary>Finds the feeds a web page announces with <c>&lt;link rel="alternate" type="application/rss+xml" href="…"&gt;</c>.</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "text/xml", "application/xml"];

    /// <summary>The absolute URLs of the feeds <paramref name="html"/> links to, in the order given (RSS/Atom/JSON Feed types).</summary>
    public static IReadOnlyList<string> FindFeeds(string html, Uri page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html ?? string.Empty);
        var found = new List<string>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")?.Trim().ToLowerInvariant();
            if (!rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) || type is null || !FeedTypes.Contains(type))
            {
                continue;
            }

            if (Uri.TryCreate(page, link.GetAttribute("href")!.Trim(), out var href) && href.Scheme is "http" or "https" && !found.Contains(href.ToString()))
            {
                found.Add(href.ToString());
            }
        }

        return found;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Reading.Feeds;
using Storyline.Reading.Fetching;

namespace Storyline.Feeds;

/// <summary>
/// Turns a feed entry into the document ingest reads: the entry's text as plain text (so that the text extractor's
/// boilerplate rules apply, the footer "The post X appeared first on Y" read as origin Y), or — for an entry that
/// is only a summary or a teaser — its linked page, fetched politely (robots.txt obeyed) and extracted, with the
/// feed's title, time and author filling what the page lacks. A page that cannot be had leaves the entry's own text.
/// </summary>
internal sealed partial class EntryDocuments(FeedHttpClient client, RobotsCache robots, IArticleExtractor extractor, bool fullText)
{
    /// <summary>Entry text shorter than this (in characters) is taken for a teaser.</summary>
    private const int TeaserChars = 600;

    /// <summary>Metadata key naming the feed a document came from.</summary>
    public const string FeedKey = "feed";

    public static RawDocument FromEntry(FeedItem item, string feedUrl, string? outlet, FeedEntryStateKey key) => new()
    {
        Source = item.Link ?? $"{feedUrl}#{key.Key}",
        Format = DocumentFormat.PlainText,
        Content = item.Content ?? item.Summary ?? string.Empty,
        ExternalId = key.ExternalId,
        Url = item.Link,
        Outlet = outlet,
        Title = item.Title,
        Published = (item.Published ?? item.Updated)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Authors = item.Author is { } author ? [author] : [],
        Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [FeedKey] = feedUrl, ["feed_entry"] = key.Key },
    };

    /// <summary>True when the entry is only a summary or teaser and links to a web page.</summary>
    public static bool IsTeaser(FeedItem item)
    {
        if (item.Link is null || !Uri.TryCreate(item.Link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var text = item.Content ?? item.Summary;
        return text is null || text.Length < TeaserChars || TeaserEnding().IsMatch(text);
    }

    /// <summary>The document for the entry: its linked page when it is a teaser and the page gives more, else its own text.</summary>
    public async Task<(RawDocument Document, bool PageFetched)> BuildAsync(RawDocument entry, FeedItem item, CancellationToken cancellation)
    {
        if (!fullText || !IsTeaser(item))
        {
            return (entry, false);
        }

        var page = new Uri(item.Link!);
        if (!await robots.AllowsAsync(page, cancellation).ConfigureAwait(false))
        {
            return (entry, false);
        }

        var response = await client.GetAsync(page, null, cancellation).ConfigureAwait(false);
        if (!response.Succeeded || response.Body.Length == 0 || response.MediaType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return (entry, false);
        }

        var html = HtmlCharset.Decode(response.Body, response.Charset);
        var url = response.FinalUri.ToString();
        var extracted = extractor.Extract(new RawDocument { Source = url, Format = DocumentFormat.Html, Content = html, Url = url, ExternalId = entry.ExternalId });
        if (extracted.Article is not { } article || article.Text.Length <= entry.Content.Length)
        {
            return (entry, true);
        }

        return (new RawDocument
        {
            Source = entry.Source,
            Format = DocumentFormat.Html,
            Content = html,
            ExternalId = entry.ExternalId,
            Url = entry.Url,
            Outlet = entry.Outlet,
            Title = article.Title ?? entry.Title,
            Published = article.Published?.ToString() ?? entry.Published,
            Authors = article.Authors.Count > 0 ? article.Authors : entry.Authors,
            Metadata = entry.Metadata,
        }, true);
    }

    [GeneratedRegex(@"(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (story|article)|weiterlesen|lire la suite)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserEnding();
}

/// <summary>The key and article id an entry is taken in under.</summary>
/// <param name="Key">Its identity within the feed.</param>
/// <param name="ExternalId">The article's id.</param>
internal readonly record struct FeedEntryStateKey(string Key, string ExternalId);

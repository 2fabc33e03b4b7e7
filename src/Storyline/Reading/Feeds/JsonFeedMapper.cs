using System.Text.Json;

namespace Storyline.Reading.Feeds;

/// <summary>Maps a JSON Feed (1.0 or 1.1) to a <see cref="ParsedFeed"/>; 1.0's <c>author</c> and 1.1's <c>authors</c> both read.</summary>
internal static class JsonFeedMapper
{
    public static ParsedFeed Map(string json, string? location, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add($"malformed JSON: {e.Message}");
            return new ParsedFeed { Format = FeedFormat.Unknown, Problems = problems };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "version") is not { } version || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("not a feed: JSON without a jsonfeed.org version");
                return new ParsedFeed { Format = FeedFormat.Unknown, Problems = problems };
            }

            var home = String(root, "home_page_url");
            var baseUri = home ?? String(root, "feed_url") ?? location;
            var language = RssFeedMapper.FeedLanguage(String(root, "language"));
            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(Item(item, baseUri, language));
                    }
                }
            }
            else
            {
                problems.Add("no items array");
            }

            return new ParsedFeed
            {
                Format = version.TrimEnd('/').EndsWith("1.1", StringComparison.Ordinal) ? FeedFormat.JsonFeed11 : FeedFormat.JsonFeed10,
                Title = Plain(String(root, "title")),
                Link = home is null ? null : FeedXmlTree.Resolve(location, home),
                Id = String(root, "feed_url"),
                Subtitle = Plain(String(root, "description")),
                Language = language,
                Author = Author(root),
                Items = items,
                Problems = problems,
            };
        }
    }

    private static FeedItem Item(JsonElement item, string? baseUri, string? feedLanguage)
    {
        var contentHtml = String(item, "content_html");
        var contentText = String(item, "content_text");
        var summaryText = String(item, "summary");
        var content = contentHtml is not null ? FeedConstructs.Value.OfHtml(contentHtml)
            : contentText is not null ? FeedConstructs.Value.OfText(contentText) : FeedConstructs.Value.Missing;
        var summary = summaryText is not null ? FeedConstructs.Value.OfText(summaryText) : content;
        var url = String(item, "url") ?? String(item, "external_url");
        var id = item.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
        {
            JsonValueKind.String => idValue.GetString(),
            JsonValueKind.Number => idValue.GetRawText(),
            _ => null,
        } : null;
        var enclosures = new List<FeedEnclosure>();
        if (item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && String(attachment, "url") is { } attachmentUrl)
                {
                    var size = attachment.TryGetProperty("size_in_bytes", out var bytes) && bytes.TryGetInt64(out var n) ? n : (long?)null;
                    enclosures.Add(new FeedEnclosure(FeedXmlTree.Resolve(baseUri, attachmentUrl), String(attachment, "mime_type"), size));
                }
            }
        }

        return new FeedItem
        {
            Id = string.IsNullOrWhiteSpace(id) ? null : id,
            Title = Plain(String(item, "title")),
            Link = url is null ? null : FeedXmlTree.Resolve(baseUri, url),
            Author = Author(item),
            Published = FeedDates.Parse(String(item, "date_published")),
            Updated = FeedDates.Parse(String(item, "date_modified")),
            Summary = summary.Text,
            SummaryHtml = summary.Html,
            Content = content.Text,
            ContentHtml = content.Html,
            Language = RssFeedMapper.FeedLanguage(String(item, "language")) ?? feedLanguage,
            Enclosures = enclosures,
        };
    }

    private static string? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
                {
                    return Plain(name);
                }
            }
        }

        return element.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object ? Plain(String(single, "name")) : null;
    }

    private static string? Plain(string? text) => text is null ? null : FeedText.FromHtml(text);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// A page's metadata from its meta tags, canonical link, JSON-LD (schema.org Article family),
/// <c>&lt;time&gt;</c> elements and URL: title (site-name suffix stripped), authors, published time,
/// site name, canonical URL, language, and the JSON-LD <c>articleBody</c> as evidence for extraction.
/// </summary>
internal sealed partial class HtmlMetadata
{
    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date", "pubdate",
        "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.date",
        "dcterms.created", "date", "og:updated_time", "article:modified_time",
    ];

    private static readonly string[] AuthorKeys = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];

    public string? Title { get; private set; }

    public List<string> TitleCandidates { get; } = [];

    public string? Published { get; private set; }

    public string? Url { get; private set; }

    public string? SiteName { get; private set; }

    public string? Author { get; private set; }

    public List<string> Authors { get; } = [];

    public string? Language { get; private set; }

    public string? ArticleBody { get; private set; }

    public string? SyndicationOrigin { get; private set; }

    public static HtmlMetadata Read(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var value = Clean(element.GetAttribute("content"));
            if (key is not null && value is not null)
            {
                meta.TryAdd(key.Trim(), value);
            }
        }

        var ld = new LinkedData();
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                ld.Add(script.TextContent);
            }
        }

        var result = new HtmlMetadata();
        result.SiteName = meta.GetValueOrDefault("og:site_name") ?? ld.Publisher ?? meta.GetValueOrDefault("application-name");
        var titleElement = Clean(document.Title);
        var h1 = document.QuerySelector("h1") is { } heading ? Clean(HtmlContentExtractor.TextOf(heading)) : null;
        foreach (var candidate in new[] { meta.GetValueOrDefault("og:title"), meta.GetValueOrDefault("twitter:title"), ld.Headline, titleElement, h1 })
        {
            if (candidate is not null)
            {
                result.TitleCandidates.Add(candidate);
            }
        }

        var title = meta.GetValueOrDefault("og:title") ?? meta.GetValueOrDefault("twitter:title") ?? ld.Headline;
        result.Title = title is not null ? StripSiteSuffix(title, result.SiteName, strict: true)
            : titleElement is not null ? StripSiteSuffix(titleElement, result.SiteName, strict: false) : h1;

        // The page's own headline is the declared title without whatever suffix the site adds.
        if (h1 is not null && result.Title is not null && result.Title.Length > h1.Length + 2
            && result.Title.StartsWith(h1, StringComparison.OrdinalIgnoreCase) && h1.Split(' ').Length >= 2)
        {
            result.Title = h1;
        }

        result.Url = Clean(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? meta.GetValueOrDefault("og:url") ?? ld.Url;
        result.Language = Clean(document.DocumentElement?.GetAttribute("lang")) ?? meta.GetValueOrDefault("content-language")
            ?? meta.GetValueOrDefault("og:locale") ?? ld.Language;

        result.Published = FirstDate(ld.Published, PublishedKeys.Select(meta.GetValueOrDefault))
            ?? FirstDate(TimeElements(document)) ?? FirstDate(UrlDate(result.Url)) ?? FirstDate(VisibleDates(document));

        foreach (var name in ld.Authors)
        {
            if (!result.Authors.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.Authors.Add(name);
            }
        }

        if (result.Authors.Count == 0)
        {
            result.Author = AuthorKeys.Select(meta.GetValueOrDefault).FirstOrDefault(v => v is not null && !v.Contains("://", StringComparison.Ordinal) && v.Length < 200)
                ?? BylineAuthor(document);
        }

        result.ArticleBody = ld.ArticleBody;
        var original = Clean(document.QuerySelector("link[rel=original-source]")?.GetAttribute("href"))
            ?? meta.GetValueOrDefault("original-source") ?? meta.GetValueOrDefault("syndication-source");
        result.SyndicationOrigin = original is not null && Uri.TryCreate(original, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;
        return result;
    }

    /// <summary>An author named in the page's byline markup: itemprop=author, rel=author, or a byline element.</summary>
    private static string? BylineAuthor(IDocument document)
    {
        foreach (var selector in new[] { "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]", ".byline a", ".author a", ".byline" })
        {
            if (document.QuerySelector(selector) is { } element)
            {
                var text = Clean(HtmlContentExtractor.TextOf(element));
                if (text is null)
                {
                    continue;
                }

                text = ByPrefix().Replace(text, "").Trim();
                if (text.Length is > 2 and <= 80 && !text.Any(char.IsDigit))
                {
                    return text;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(by|von|par|por|di|door|av)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    private static string? FirstDate(string? first, IEnumerable<string?> rest) => FirstDate(rest.Prepend(first));

    private static string? FirstDate(IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            if (value is not null && DateParser.Parse(value) is not null)
            {
                return value.Trim();
            }

            if (value is not null && value.Length > 19 && DateParser.Parse(value[..19]) is not null)
            {
                return value[..19];
            }
        }

        return null;
    }

    private static IEnumerable<string?> TimeElements(IDocument document)
    {
        var times = document.QuerySelectorAll("time").ToList();
        foreach (var time in times.Where(t => string.Equals(t.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase) || t.HasAttribute("pubdate")))
        {
            yield return time.GetAttribute("datetime") ?? Clean(time.TextContent);
        }

        foreach (var time in times)
        {
            yield return time.GetAttribute("datetime");
        }
    }

    /// <summary>Dates shown in elements marked as dates (class/itemprop), as their visible text.</summary>
    private static IEnumerable<string?> VisibleDates(IDocument document)
    {
        var seen = 0;
        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished], [class*=date], [class*=publish], [class*=posted], [class*=byline], [class*=meta], time"))
        {
            if (++seen > 40)
            {
                yield break;
            }

            var content = element.GetAttribute("content");
            if (content is not null)
            {
                yield return content;
            }

            var text = Clean(HtmlContentExtractor.TextOf(element));
            if (text is null || text.Length > 200)
            {
                continue;
            }

            var m = VisibleDate().Match(text);
            if (m.Success)
            {
                yield return m.Value.Replace(".", "", StringComparison.Ordinal).Replace("Sept ", "Sep ", StringComparison.Ordinal);
            }
        }
    }

    [GeneratedRegex(@"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}|\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex VisibleDate();

    private static IEnumerable<string?> UrlDate(string? url)
    {
        if (url is null)
        {
            yield break;
        }

        var m = UrlDatePattern().Match(url);
        if (m.Success)
        {
            yield return $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}";
        }
    }

    /// <summary>"Headline | Site", "Headline - Site" → "Headline", when the tail is the site or short enough to be one.</summary>
    internal static string StripSiteSuffix(string title, string? siteName, bool strict)
    {
        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " :: ", " · ", " » " })
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var head = title[..at].Trim();
            var tail = title[(at + separator.Length)..].Trim();
            var tailIsSite = siteName is not null && (tail.Equals(siteName, StringComparison.OrdinalIgnoreCase)
                || tail.Replace(" ", "", StringComparison.Ordinal).Contains(siteName.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase));
            var tailWords = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var headWords = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var strongSeparator = separator is " | " or " :: " or " » ";
            var looksLikeSite = strongSeparator ? tailWords <= 4 && headWords >= 2 && tailWords <= headWords : tailWords <= 3 && headWords >= 3 && tailWords < headWords;
            if (tailIsSite || (!strict && looksLikeSite))
            {
                return StripSiteSuffix(head, siteName, strict);
            }
        }

        return title;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var folded = TextParagraphs.FoldWhitespace(System.Net.WebUtility.HtmlDecode(value));
        return folded.Length == 0 ? null : folded;
    }

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$|-)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDatePattern();

    /// <summary>The schema.org Article-family objects of a page's JSON-LD scripts.</summary>
    private sealed class LinkedData
    {
        private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
            "ReviewNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle", "Report", "LiveBlogPosting",
            "SocialMediaPosting", "WebPage", "MedicalWebPage", "Review", "Recipe", "HowTo", "Posting",
        };

        public string? Headline { get; private set; }

        public string? Published { get; private set; }

        public string? Publisher { get; private set; }

        public string? Url { get; private set; }

        public string? Language { get; private set; }

        public string? ArticleBody { get; private set; }

        public List<string> Authors { get; } = [];

        private int _rank = int.MaxValue;

        public void Add(string json)
        {
            if (string.IsNullOrWhiteSpace(json) || json.Length > 5_000_000)
            {
                return;
            }

            try
            {
                using var document = JsonDocument.Parse(Reading.JsonSurrogates.Repair(json), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                var stack = new Stack<JsonElement>();
                stack.Push(document.RootElement);
                while (stack.Count > 0)
                {
                    var element = stack.Pop();
                    if (element.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in element.EnumerateArray().Reverse())
                        {
                            stack.Push(item);
                        }

                        continue;
                    }

                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    Consider(element);
                    if (element.TryGetProperty("@graph", out var graph))
                    {
                        stack.Push(graph);
                    }
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }

        private void Consider(JsonElement obj)
        {
            var type = TypeOf(obj);
            if (type is null || !ArticleTypes.Contains(type))
            {
                return;
            }

            // Article types outrank WebPage: the page object is the fallback.
            var rank = type.Contains("WebPage", StringComparison.Ordinal) ? 2 : 1;
            if (rank > _rank)
            {
                FillMissing(obj);
                return;
            }

            _rank = rank;
            Headline = Str(obj, "headline") ?? Str(obj, "name") ?? Headline;
            Published = Str(obj, "datePublished") ?? Str(obj, "dateCreated") ?? Published;
            Url = Str(obj, "url") ?? Url;
            Language = Str(obj, "inLanguage") ?? Language;
            var body = Str(obj, "articleBody");
            if (body is not null && body.Length > (ArticleBody?.Length ?? 0))
            {
                ArticleBody = body;
            }

            if (obj.TryGetProperty("publisher", out var publisher))
            {
                Publisher = NameOf(publisher) ?? Publisher;
            }

            if (obj.TryGetProperty("author", out var author))
            {
                Authors.Clear();
                AddAuthors(author);
            }
        }

        private void FillMissing(JsonElement obj)
        {
            Headline ??= Str(obj, "headline");
            Published ??= Str(obj, "datePublished");
            Language ??= Str(obj, "inLanguage");
            if (Publisher is null && obj.TryGetProperty("publisher", out var publisher))
            {
                Publisher = NameOf(publisher);
            }
        }

        private void AddAuthors(JsonElement author)
        {
            if (author.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in author.EnumerateArray())
                {
                    AddAuthors(item);
                }

                return;
            }

            var name = NameOf(author);
            if (name is not null && name.Length < 100 && !name.Contains("://", StringComparison.Ordinal) && !Authors.Contains(name))
            {
                Authors.Add(name);
            }
        }

        private static string? NameOf(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString()),
            JsonValueKind.Object => Str(value, "name"),
            JsonValueKind.Array => value.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
            _ => null,
        };

        private static string? TypeOf(JsonElement obj)
        {
            if (!obj.TryGetProperty("@type", out var type))
            {
                return null;
            }

            if (type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }

            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()).FirstOrDefault(t => t is not null && ArticleTypes.Contains(t))
                : null;
        }

        private static string? Str(JsonElement obj, string name)
        {
            if (!obj.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => name == "articleBody" ? value.GetString() : Clean(value.GetString()),
                JsonValueKind.Object when value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => Clean(id.GetString()),
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => Clean(v.GetString())).FirstOrDefault(),
                _ => null,
            };
        }
    }
}

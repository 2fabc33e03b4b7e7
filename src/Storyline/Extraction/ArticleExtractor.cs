using Storyline.Reading;

namespace Storyline.Extraction;

/// <summary>
/// The default extractor: plain text split into paragraphs, HTML through a simple main-text pull;
/// metadata normalised (published time parsed, outlet from the URL host when not declared, a title
/// from the text when none is declared). Thread-safe.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private const int MaxTitleChars = 160;

    private readonly HtmlExtractionMode _mode;

    /// <summary>Creates the default extractor.</summary>
    public ArticleExtractor()
        : this(HtmlExtractionMode.Full)
    {
    }

    /// <summary>Creates an extractor with the given HTML algorithm (the simple one is kept as a baseline for the bench).</summary>
    internal ArticleExtractor(HtmlExtractionMode mode) => _mode = mode;

    /// <inheritdoc />
    public ExtractionResult Extract(RawDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Format == DocumentFormat.Html ? ExtractHtml(document) : ExtractText(document, PlainText.LineCleaning.Combined, PlainText.LineModel.Default);
    }

    /// <summary>Plain-text extraction with a chosen way of judging lines (the bench compares rules, classifier and cross-validated models).</summary>
    internal static ExtractionResult ExtractText(RawDocument document, PlainText.LineCleaning cleaning, PlainText.LineModel model)
    {
        var blocks = PlainText.TextBoilerplate.Blocks(document.Content);
        var title = TakeTitle(document, blocks);

        var cleaned = PlainText.TextBoilerplate.Clean(blocks, title, cleaning, model);
        if (document.Title is null && cleaned.Headline is not null)
        {
            title = TextParagraphs.FoldWhitespace(cleaned.Headline);
        }
        var published = document.Published ?? cleaned.Stamp;
        return Build(document, cleaned.Paragraphs, title, published, document.Url, document.Outlet, document.Authors, null, cleaned.SyndicationOrigin, cleaned.Removed);
    }

    private ExtractionResult ExtractHtml(RawDocument document)
    {
        HtmlPage page;
        try
        {
            page = _mode == HtmlExtractionMode.Simple ? new SimpleHtmlExtractor().Parse(document.Content) : new Html.HtmlContentExtractor().Parse(document.Content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser must never take the batch down; the page is reported instead.
            return ExtractionResult.Failed($"unparseable HTML: {e.Message}");
        }

        var before = page.Paragraphs.Count;
        var origin = PlainText.TextBoilerplate.TakeFeedFooters(page.Paragraphs) ?? page.SyndicationOrigin;
        var removed = before - page.Paragraphs.Count;
        var authors = document.Authors.Count > 0 ? document.Authors
            : page.Authors.Count > 0 ? page.Authors
            : page.Author is null ? document.Authors : TextFileReader.SplitAuthors(page.Author);
        return Build(document, page.Paragraphs, document.Title ?? page.Title, document.Published ?? page.Published,
            document.Url ?? page.Url, document.Outlet ?? page.SiteName, authors, page.Language, origin, removed);
    }

    private static ExtractionResult Build(
        RawDocument document, List<string> paragraphs, string? title, string? published, string? url, string? outlet,
        IReadOnlyList<string> authors, string? language, string? origin, int removed)
    {
        if (paragraphs.Count == 0 && !(document.Format == DocumentFormat.PlainText && !string.IsNullOrWhiteSpace(document.Title)))
        {
            return ExtractionResult.Failed(string.IsNullOrWhiteSpace(title) ? "no article text found" : "no article text found (title only)");
        }

        var article = new Article
        {
            Source = document.Source,
            ExternalId = document.ExternalId ?? document.Source,
            IdDerived = document.IdDerived || document.ExternalId is null,
            Title = string.IsNullOrWhiteSpace(title) ? TitleFromLead(paragraphs[0]) : CapTitle(title.Trim()),
            Outlet = OutletName.Clean(outlet) ?? HostOf(url),
            Url = url,
            Published = DateParser.Parse(published),
            Authors = authors,
            Language = Normalise(language ?? document.Metadata.GetValueOrDefault("language")) ?? Language.LanguageIdentifier.Identify(paragraphs),
            Paragraphs = paragraphs,
            SyndicationOrigin = origin,
            BoilerplateRemoved = removed,
            Metadata = document.Metadata,
        };
        return ExtractionResult.Of(article, Warning(document, title, published, article));
    }

    /// <summary>What was declared but not kept as given: the reader's warnings, a date that does not parse, a title cut.</summary>
    private static string? Warning(RawDocument document, string? title, string? published, Article article)
    {
        var warnings = new List<string>(document.Warnings);
        if (article.Published is null && !string.IsNullOrWhiteSpace(published) && ReferenceEquals(published, document.Published))
        {
            warnings.Add($"unreadable \"published\" date \"{Shorten(published)}\" dropped");
        }

        if (title is not null && title.Trim().Length > MaxDeclaredTitleChars)
        {
            warnings.Add($"title of {title.Trim().Length:N0} characters cut to {MaxDeclaredTitleChars:N0}");
        }

        return warnings.Count == 0 ? null : string.Join("; ", warnings);
    }

    /// <summary>A declared value short enough to quote in a message.</summary>
    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 80), "…");

    /// <summary>The declared title, or a leading block that reads as a headline (taken out of the blocks).</summary>
    internal static string? TakeTitle(RawDocument document, List<List<string>> blocks)
    {
        var title = document.Title is null ? null : TextParagraphs.FoldWhitespace(document.Title);
        if (title is null && blocks.Count > 1 && LooksLikeTitle(string.Join(' ', blocks[0])))
        {
            title = string.Join(' ', blocks[0]);
            blocks.RemoveAt(0);
        }

        return title;
    }

    /// <summary>A short first line with no sentence-final full stop reads as a headline.</summary>
    private static bool LooksLikeTitle(string paragraph) =>
        paragraph.Length <= MaxTitleChars && !paragraph.EndsWith('.') && paragraph.Count(c => c == ' ') is >= 2 and <= 30;

    /// <summary>The lead's first sentence, cut at a word boundary, for texts that carry no title.</summary>
    /// <summary>
    /// A declared title of at most <see cref="MaxDeclaredTitleChars"/> characters, cut at a space with "…": a title of
    /// megabytes (hostile or broken input) would otherwise be stored, indexed and printed whole in every listing.
    /// </summary>
    internal static string CapTitle(string title)
    {
        if (title.Length <= MaxDeclaredTitleChars)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', MaxDeclaredTitleChars - 1);
        var end = cut > MaxDeclaredTitleChars / 2 ? cut : MaxDeclaredTitleChars - 1;
        if (char.IsHighSurrogate(title[end - 1]))
        {
            end--;
        }

        return string.Concat(title.AsSpan(0, end), "…");
    }

    /// <summary>The longest declared title kept whole, in characters (real headlines run to 200).</summary>
    internal const int MaxDeclaredTitleChars = 1_000;

    internal static string TitleFromLead(string lead)
    {
        var end = lead.IndexOfAny(['.', '!', '?']);
        var sentence = end > 20 ? lead[..end] : lead;
        if (sentence.Length <= MaxTitleChars)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxTitleChars);
        return string.Concat(sentence.AsSpan(0, cut > 40 ? cut : MaxTitleChars), "…");
    }

    private static string? HostOf(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
    }

    private static string? Normalise(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var code = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}

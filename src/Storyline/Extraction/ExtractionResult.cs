namespace Storyline.Extraction;

/// <summary>The outcome of extracting one document: an article, or the reason there is none.</summary>
public readonly struct ExtractionResult
{
    private ExtractionResult(Article? article, string? failure, string? warning = null)
    {
        Article = article;
        Failure = failure;
        Warning = warning;
    }

    /// <summary>The article, or null when extraction failed.</summary>
    public Article? Article { get; }

    /// <summary>Why no article could be extracted, or null.</summary>
    public string? Failure { get; }

    /// <summary>
    /// What the input declared that was not kept as given (a field of the wrong kind, an unreadable date, a title cut),
    /// or null: the article is still stored, and the reason is said rather than lost silently.
    /// </summary>
    public string? Warning { get; }

    /// <summary>A successful extraction, with what was not kept as declared, if anything.</summary>
    public static ExtractionResult Of(Article article, string? warning = null) => new(article, null, warning);

    /// <summary>A failed extraction with its reason.</summary>
    public static ExtractionResult Failed(string reason) => new(null, reason);
}

namespace Storyline.Extraction;

/// <summary>The outcome of extracting one document: an article, or the reason there is none.</summary>
public readonly struct ExtractionResult
{
    private ExtractionResult(Article? article, string? failure)
    {
        Article = article;
        Failure = failure;
    }

    /// <summary>The article, or null when extraction failed.</summary>
    public Article? Article { get; }

    /// <summary>Why no article could be extracted, or null.</summary>
    public string? Failure { get; }

    /// <summary>A successful extraction.</summary>
    public static ExtractionResult Of(Article article) => new(article, null);

    /// <summary>A failed extraction with its reason.</summary>
    public static ExtractionResult Failed(string reason) => new(null, reason);
}

namespace Storyline.Extraction;

/// <summary>Which HTML main-content algorithm an <see cref="ArticleExtractor"/> uses.</summary>
internal enum HtmlExtractionMode
{
    /// <summary>The scoring extractor (<see cref="Html.HtmlContentExtractor"/>).</summary>
    Full,

    /// <summary>The first simple pull (<see cref="SimpleHtmlExtractor"/>), kept as the bench baseline.</summary>
    Simple,
}

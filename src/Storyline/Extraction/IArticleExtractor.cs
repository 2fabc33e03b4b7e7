using Storyline.Reading;

namespace Storyline.Extraction;

/// <summary>
/// Turns a raw document into an article. The plug-in point of the Extraction stage: implementations
/// must be thread-safe and must never throw on hostile content (return a failure instead).
/// </summary>
public interface IArticleExtractor
{
    /// <summary>Extracts the article in <paramref name="document"/>.</summary>
    ExtractionResult Extract(RawDocument document);
}

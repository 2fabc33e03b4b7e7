using Storyline.Reading;

namespace Storyline.Extraction;

/// <summary>
/// Keeps an extractor's exception to the one document it was extracting: the pipeline wraps every extractor in one, so
/// that a bug met on one hostile page (or a plug-in that breaks the never-throw contract) fails that input, named with
/// the reason, and the rest of the ingest goes on.
/// </summary>
internal sealed class GuardedExtractor(IArticleExtractor inner) : IArticleExtractor
{
    /// <summary>The extractor guarded.</summary>
    public IArticleExtractor Inner { get; } = inner;

    /// <inheritdoc />
    public ExtractionResult Extract(RawDocument document)
    {
        try
        {
            return Inner.Extract(document);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ArgumentNullException))
        {
            return ExtractionResult.Failed($"extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }
}

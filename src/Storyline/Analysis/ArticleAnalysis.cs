using Storyline.Analysis.Entities;
using Storyline.Analysis.Sources;

namespace Storyline.Analysis;

/// <summary>What the Analysis stage found in an article's clean text; all offsets are into that text.</summary>
/// <param name="Entities">People, organisations, places and other names, with the canonical name each mention resolves to.</param>
/// <param name="Sources">Outlets and agencies the article credits ("according to TASS").</param>
public sealed record ArticleAnalysis(IReadOnlyList<EntityMention> Entities, IReadOnlyList<CitedSource> Sources)
{
    /// <summary>Nothing found (or nothing analysed).</summary>
    public static ArticleAnalysis Empty { get; } = new([], []);

    /// <summary>Analyses a text with the shipped entity model and source finder; thread-safe.</summary>
    public static ArticleAnalysis Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new ArticleAnalysis(EntityRecognizer.Default.Recognize(text), SourceFinder.Find(text));
    }
}

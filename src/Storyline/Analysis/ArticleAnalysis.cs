using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Analysis.Sources;
using Storyline.Analysis.Text;

namespace Storyline.Analysis;

/// <summary>What the Analysis stage found in an article's clean text; all offsets are into that text.</summary>
/// <param name="Entities">People, organisations, places and other names, with the canonical name each mention resolves to.</param>
/// <param name="Sources">Outlets and agencies the article credits ("according to TASS").</param>
/// <param name="Quotes">Direct and reported speech with cue and speaker (speech only: PolNeAR-style "stances" without a speech cue are left out).</param>
public sealed record ArticleAnalysis(IReadOnlyList<EntityMention> Entities, IReadOnlyList<CitedSource> Sources, IReadOnlyList<Quote> Quotes)
{
    /// <summary>Nothing found (or nothing analysed).</summary>
    public static ArticleAnalysis Empty { get; } = new([], [], []);

    /// <summary>
    /// Whether the shipped models read text in <paramref name="language"/> (ISO 639-1): English, or not known (too short
    /// to tell, or no language given). They were trained on English; on other languages they find noise, not names —
    /// a German text's capitalised nouns would all look like names to the tagger.
    /// </summary>
    public static bool Reads(string? language) => language is null || language == "en";

    /// <summary>Analyses a text with the shipped models (one tokenisation and one entity pass serve quotes too); thread-safe.</summary>
    public static ArticleAnalysis Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return Empty;
        }

        var (tokens, sentences) = SentenceSplitter.Split(text);
        var mentions = EntityRecognizer.Default.Recognize(text, tokens, sentences);
        return new ArticleAnalysis(mentions, SourceFinder.Find(text, tokens), QuoteExtractor.Extract(text, tokens, sentences, mentions, includeStances: false));
    }
}

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

    /// <summary>
    /// Analyses a text with the shipped models (one tokenisation and one entity pass serve quotes too); thread-safe. A
    /// text longer than any article is analysed in pieces (<see cref="TextChunks"/>), so the cost stays linear in its length.
    /// </summary>
    public static ArticleAnalysis Of(string text) => Of(text, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// As <see cref="Of(string)"/>, giving up with a <see cref="TimeoutException"/> when a text analysed in pieces has
    /// taken longer than <paramref name="budget"/> by the end of a piece (an article short enough to be one piece is
    /// always analysed whole, so its result never depends on the machine's load).
    /// </summary>
    internal static ArticleAnalysis Of(string text, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = TextChunks.Of(text);
        if (chunks.Count == 1)
        {
            return OfPiece(text);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var entities = new List<EntityMention>();
        var sources = new List<CitedSource>();
        var quotes = new List<Quote>();
        foreach (var (start, end) in chunks)
        {
            if (budget != Timeout.InfiniteTimeSpan && clock.Elapsed > budget)
            {
                throw new TimeoutException($"analysis took over its budget of {budget.TotalSeconds:0.#} s");
            }

            var piece = OfPiece(text[start..end]);
            entities.AddRange(piece.Entities.Select(m => m with { Start = m.Start + start, End = m.End + start }));
            sources.AddRange(piece.Sources.Select(s => s with { Start = s.Start + start, End = s.End + start, CueStart = s.CueStart + start, CueEnd = s.CueEnd + start }));
            quotes.AddRange(piece.Quotes.Select(q => q with
            {
                Start = q.Start + start,
                End = q.End + start,
                CueStart = q.CueStart + start,
                CueEnd = q.CueEnd + start,
                SpeakerStart = q.SpeakerStart + start,
                SpeakerEnd = q.SpeakerEnd + start,
            }));
        }

        return new ArticleAnalysis(entities, sources, quotes);
    }

    /// <summary>
    /// The time a text's analysis may take: a second, and 4 µs a character beyond (analysis runs at about 1 µs a
    /// character on news, 5-10 on hostile text without sentence ends).
    /// </summary>
    internal static TimeSpan TimeBudget(int chars) => TimeSpan.FromSeconds(1) + TimeSpan.FromMicroseconds(4.0 * chars);

    private static ArticleAnalysis OfPiece(string text)
    {
        if (text.Length == 0)
        {
            return Empty;
        }

        var (tokens, sentences) = SentenceSplitter.Split(text);
        var mentions = EntityRecognizer.Default.Recognize(text, tokens, sentences);
        return new ArticleAnalysis(mentions, SourceFinder.Find(text, tokens), QuoteExtractor.Extract(text, tokens, sentences, mentions, includeStances: false));
    }
}

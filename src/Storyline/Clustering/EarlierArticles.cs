namespace Storyline.Clustering;

/// <summary>
/// Articles stored by earlier ingests that an undated article of a new batch may be dated by
/// (<see cref="UndatedTimes"/>): in an incremental ingest, the story of an undated report may have begun in an
/// earlier batch, which a batch of its own does not show.
/// </summary>
/// <param name="Statistics">Term statistics of the stored articles: which of an undated article's terms are distinctive and occur in them.</param>
/// <param name="Find">
/// Given an undated article's most distinctive terms, ids of stored articles that are in a story, have a publication
/// time of their own and hold at least two of the terms (a few at most).
/// </param>
/// <param name="Read">Reads one of those articles, its publication time as <see cref="ClusterItem.Time"/>.</param>
public sealed record EarlierArticles(TermStatistics Statistics, Func<IReadOnlyList<string>, IReadOnlyList<long>> Find, Func<long, ClusterItem> Read)
{
    /// <summary>Terms an undated article is looked up by: at most this many.</summary>
    public const int QueryTermCount = 4;

    /// <summary>
    /// An undated article's terms to look it up by: the <see cref="QueryTermCount"/> with the highest
    /// (1 + ln tf) · IDF among those the stored articles hold (IDF over them: a batch of a few articles says little of
    /// what is distinctive); ties go to the term first in ordinal order.
    /// </summary>
    internal IReadOnlyList<string> QueryTerms(IEnumerable<string> terms, IReadOnlyList<double> counts) =>
        [.. terms.Select((term, k) => (Term: term, Count: counts[k]))
            .Where(t => Statistics.DocumentFrequency(t.Term) > 0)
            .Select(t => (t.Term, Weight: (1 + Math.Log(Math.Max(1, t.Count))) * Statistics.Idf(t.Term)))
            .OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(QueryTermCount)
            .Select(t => t.Term)];
}

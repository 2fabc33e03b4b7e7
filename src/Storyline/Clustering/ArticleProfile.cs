namespace Storyline.Clustering;

/// <summary>What grouping compares of one article: TF-IDF vectors of title, body and both, its names, quotes, outlet and time.</summary>
internal sealed class ArticleProfile
{
    private ArticleProfile(ClusterItem item, TermVector title, TermVector body, TermVector combined, HashSet<string> names, HashSet<string> quotes)
    {
        Item = item;
        Title = title;
        Body = body;
        Combined = combined;
        Names = names;
        Quotes = quotes;
    }

    public ClusterItem Item { get; }

    public TermVector Title { get; }

    public TermVector Body { get; }

    public TermVector Combined { get; }

    public HashSet<string> Names { get; }

    public HashSet<string> Quotes { get; }

    /// <summary>Counts the article's terms (when <paramref name="count"/>) and builds its profile.</summary>
    public static ArticleProfile Build(ClusterItem item, ClusteringOptions options, TermStatistics statistics, bool count)
    {
        var titleCounts = new Dictionary<string, double>(StringComparer.Ordinal);
        TermVector.Count(titleCounts, item.Title, 1);
        var bodyCounts = new Dictionary<string, double>(StringComparer.Ordinal);
        TermVector.Count(bodyCounts, item.Text, 1, options.MaxBodyTerms);
        var combinedCounts = new Dictionary<string, double>(bodyCounts, StringComparer.Ordinal);
        foreach (var (term, c) in titleCounts)
        {
            combinedCounts[term] = combinedCounts.GetValueOrDefault(term) + (c * options.TitleWeight);
        }

        if (count)
        {
            statistics.AddDocument(combinedCounts.Keys);
        }

        var names = item.Text.Length > 0 ? NameTerms.Of(item.Text) : [];
        return new ArticleProfile(
            item,
            TermVector.From(titleCounts, statistics),
            TermVector.From(bodyCounts, statistics),
            TermVector.From(combinedCounts, statistics),
            names,
            QuoteKeys.Of(item.Text));
    }
}

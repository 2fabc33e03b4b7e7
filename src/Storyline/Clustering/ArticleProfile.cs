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

    /// <summary>The article's names with their IDF at the time it was profiled, weighed once rather than per candidate.</summary>
    public (string Name, double Idf)[] WeightedNames { get; private set; } = [];

    /// <summary>The ids of the combined vector's heaviest terms with their weights, heaviest first (ties by id).</summary>
    public (int Id, double Weight)[] TopTerms(int count)
    {
        if (_topTerms is null || _topTerms.Length < Math.Min(count, Combined.Ids.Length))
        {
            _topTerms = Heaviest(Combined.Ids, Combined.Weights, count);
        }

        return _topTerms;
    }

    private (int Id, double Weight)[]? _topTerms;

    /// <summary>
    /// The <paramref name="count"/> heaviest terms, heaviest first, ties by id: kept in order as the terms go by,
    /// since only a few of an article's hundreds of terms are wanted (and this runs on grouping's sequential thread).
    /// </summary>
    internal static (int Id, double Weight)[] Heaviest(ReadOnlySpan<int> ids, ReadOnlySpan<double> weights, int count)
    {
        var top = new (int Id, double Weight)[Math.Clamp(count, 0, ids.Length)];
        if (top.Length == 0)
        {
            return top;
        }

        var filled = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var (id, weight) = (ids[i], weights[i]);
            if (filled == top.Length && !Before(id, weight, top[^1]))
            {
                continue;
            }

            // Shift the lighter ones down one place (the last falls off when full) and put this one in.
            var at = Math.Min(filled, top.Length - 1);
            while (at > 0 && Before(id, weight, top[at - 1]))
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = (id, weight);
            filled = Math.Min(filled + 1, top.Length);
        }

        return top;

        static bool Before(int id, double weight, (int Id, double Weight) other) =>
            weight > other.Weight || (weight == other.Weight && id < other.Id);
    }

    /// <summary>Counts the article's terms (when <paramref name="count"/>) and builds its profile.</summary>
    public static ArticleProfile Build(ClusterItem item, ClusteringOptions options, TermStatistics statistics, bool count) =>
        Build(PreparedArticle.Prepare(item, options, withTermArrays: count), statistics, count);

    /// <summary>Builds the profile of a prepared article with the IDF weights of now, counting its terms first when <paramref name="count"/>.</summary>
    public static ArticleProfile Build(PreparedArticle prepared, TermStatistics statistics, bool count)
    {
        TermVector title, body, combined;
        if (count)
        {
            // Each distinct term numbered once, in the combined order, as counting them first would number them.
            var terms = prepared.Terms;
            var known = terms.KnownIds;
            var ids = new int[terms.Combined.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = known is not null && known[k] >= 0 ? known[k] : statistics.Id(terms.Combined[k]);
            }

            statistics.AddDocument(ids);
            title = TermVector.From(ids, terms.TitlePositions, terms.TitleCounts, statistics);
            body = TermVector.From(ids, terms.BodyPositions, terms.BodyCounts, statistics);
            combined = TermVector.From(ids, default, terms.CombinedCounts, statistics);
        }
        else
        {
            // Not counted: new terms are numbered as each vector meets them (title, body, then the rest).
            title = TermVector.From(prepared.TitleCounts, statistics);
            body = TermVector.From(prepared.BodyCounts, statistics);
            combined = TermVector.From(prepared.CombinedCounts, statistics);
        }

        return new ArticleProfile(prepared.Item, title, body, combined, prepared.Names, prepared.Quotes)
        {
            WeightedNames = [.. prepared.Names.Select(name => (name, statistics.Idf(name)))],
        };
    }
}

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
            var order = Enumerable.Range(0, Combined.Ids.Length).ToArray();
            Array.Sort(order, (a, b) => Combined.Weights[b] != Combined.Weights[a] ? Combined.Weights[b].CompareTo(Combined.Weights[a]) : Combined.Ids[a].CompareTo(Combined.Ids[b]));
            _topTerms = [.. order.Take(count).Select(i => (Combined.Ids[i], Combined.Weights[i]))];
        }

        return _topTerms;
    }

    private (int Id, double Weight)[]? _topTerms;

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
            var ids = new int[terms.Combined.Length];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = statistics.Id(terms.Combined[k]);
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

namespace Storyline.Clustering;

/// <summary>
/// The part of an article's grouping profile that needs no shared state — term counts, names, quotes —
/// so that it can be computed in parallel before the sequential grouping decisions. Immutable.
/// </summary>
public sealed class PreparedArticle
{
    private PreparedArticle(ClusterItem item, Dictionary<string, double> title, Dictionary<string, double> body, Dictionary<string, double> combined, HashSet<string> names, HashSet<string> quotes, ArticleTerms? terms = null)
    {
        Item = item;
        TitleCounts = title;
        BodyCounts = body;
        CombinedCounts = combined;
        Names = names;
        Quotes = quotes;
        _terms = terms;
    }

    /// <summary>The article.</summary>
    public ClusterItem Item { get; }

    internal Dictionary<string, double> TitleCounts { get; }

    internal Dictionary<string, double> BodyCounts { get; }

    internal Dictionary<string, double> CombinedCounts { get; }

    internal HashSet<string> Names { get; }

    internal HashSet<string> Quotes { get; }

    /// <summary>
    /// The counts again as arrays over the combined terms, so that grouping looks each term up once. Built by
    /// <see cref="Prepare(ClusterItem, ClusteringOptions)"/>, on the preparing threads; built here only for an
    /// article prepared without them (equal either way).
    /// </summary>
    internal ArticleTerms Terms => _terms ??= ArticleTerms.Of(TitleCounts, BodyCounts, CombinedCounts);

    private ArticleTerms? _terms;

    /// <summary>Tokenises an article for grouping; thread-safe.</summary>
    public static PreparedArticle Prepare(ClusterItem item, ClusteringOptions options) => Prepare(item, options, withTermArrays: true);

    /// <summary>
    /// <see cref="Prepare(ClusterItem, ClusteringOptions)"/>, leaving out <see cref="Terms"/> when
    /// <paramref name="withTermArrays"/> is false: a story's members restored for grouping are profiled without
    /// counting (<see cref="ArticleProfile.Build(PreparedArticle, TermStatistics, bool)"/>), which never reads them.
    /// </summary>
    internal static PreparedArticle Prepare(ClusterItem item, ClusteringOptions options, bool withTermArrays)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        var (title, body) = TermCounts(item, options);
        var combined = Combine(title, body, options);
        // The text is not kept: it is tokenised now, and open stories keep their members' items while they are open.
        return new PreparedArticle(item with { Text = string.Empty }, title, body, combined, item.Text.Length > 0 ? NameTerms.Of(item.Text) : [], QuoteKeys.Of(item.Text), withTermArrays ? ArticleTerms.Of(title, body, combined) : null);
    }

    /// <summary>
    /// The terms grouping compares both sides by (<see cref="CombinedCounts"/>) without the rest of the
    /// preparation: for comparisons made before grouping (<see cref="UndatedTimes"/>).
    /// </summary>
    internal static Dictionary<string, double> CombinedTermCounts(ClusterItem item, ClusteringOptions options)
    {
        var (title, body) = TermCounts(item, options);
        return Combine(title, body, options);
    }

    /// <summary>Title terms (the URL slug's words for a headline-only item) and body terms, counted apart.</summary>
    private static (Dictionary<string, double> Title, Dictionary<string, double> Body) TermCounts(ClusterItem item, ClusteringOptions options)
    {
        var title = new Dictionary<string, double>(StringComparer.Ordinal);
        TermVector.Count(title, item.Title, 1);
        if (item.Text.Length == 0)
        {
            TermVector.Count(title, UrlSlug.Words(item.Url), 1);
        }

        // Sized for the distinct terms expected (a term every ~6 characters, at most the limit): growing from empty
        // rehashed each article's terms six times over.
        var body = new Dictionary<string, double>(Math.Min((item.Text.Length / 6) + 1, Math.Max(options.MaxBodyTerms, 0)), StringComparer.Ordinal);
        TermVector.Count(body, item.Text, 1, options.MaxBodyTerms);
        return (title, body);
    }

    private static Dictionary<string, double> Combine(Dictionary<string, double> title, Dictionary<string, double> body, ClusteringOptions options)
    {
        // Room for the title's terms too, which would otherwise make a copy sized to the body grow at once.
        var combined = new Dictionary<string, double>(body.Count + title.Count, StringComparer.Ordinal);
        foreach (var (term, c) in body)
        {
            combined.Add(term, c);
        }

        foreach (var (term, c) in title)
        {
            combined[term] = combined.GetValueOrDefault(term) + (c * options.TitleWeight);
        }

        return combined;
    }

    /// <summary>The same preparation for a copy of the item with another time (grouping order may assign one).</summary>
    public PreparedArticle WithTime(DateTimeOffset? time) =>
        time == Item.Time ? this : new PreparedArticle(Item with { Time = time }, TitleCounts, BodyCounts, CombinedCounts, Names, Quotes, _terms);
}

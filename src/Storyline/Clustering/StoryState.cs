namespace Storyline.Clustering;

/// <summary>An open story: centroids of its members' title, body and combined vectors, their names, quotes, outlets and time span.</summary>
internal sealed class StoryState(long id)
{
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _quotes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outlets = new(StringComparer.Ordinal);
    private readonly List<ArticleProfile> _members = [];
    private readonly List<DateTimeOffset> _alternatives = [];

    public long Id { get; } = id;

    public Centroid Title { get; } = new();

    public Centroid Body { get; } = new();

    public Centroid Combined { get; } = new();

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    /// <summary>The latest time the story may reach: its last article's, or later when an undated member may be later.</summary>
    public DateTimeOffset? Reach { get; private set; }

    public int Count => _members.Count;

    public IReadOnlyList<ArticleProfile> Members => _members;

    public IReadOnlyDictionary<string, int> Names => _names;

    public void Add(ArticleProfile article)
    {
        _members.Add(article);
        Title.Add(article.Title);
        Body.Add(article.Body);
        Combined.Add(article.Combined);
        foreach (var name in article.Names)
        {
            _names[name] = _names.GetValueOrDefault(name) + 1;
        }

        _quotes.UnionWith(article.Quotes);
        if (article.Item.Outlet is { } outlet)
        {
            _outlets.Add(outlet);
        }

        if (article.Item.Time is { } t)
        {
            First = First is { } f && f <= t ? f : t;
            Last = Last is { } l && l >= t ? l : t;
            var until = article.Item.Until is { } u && u > t ? u : t;
            Reach = Reach is { } r && r >= until ? r : until;
            if (until > t)
            {
                _alternatives.Add(until);
            }
        }
    }

    public bool HasOutlet(string? outlet) => outlet is not null && _outlets.Contains(outlet);

    public bool SharesQuote(ArticleProfile article) => article.Quotes.Overlaps(_quotes);

    /// <summary>
    /// Time between the article and the story's span, zero inside it or when either is undated. An undated
    /// article placed between two dated neighbours (and a story holding one) may be at either neighbour's
    /// time: the nearer counts.
    /// </summary>
    public TimeSpan Gap(ClusterItem item)
    {
        if (item.Time is not { } t || First is not { } first)
        {
            return TimeSpan.Zero;
        }

        var gap = Gap(t, first);
        if (item.Until is { } until && until > t)
        {
            var other = Gap(until, first);
            gap = other < gap ? other : gap;
        }

        return gap;
    }

    private TimeSpan Gap(DateTimeOffset t, DateTimeOffset first)
    {
        var gap = t < first ? first - t : t > Last!.Value ? t - Last.Value : TimeSpan.Zero;
        foreach (var alternative in _alternatives)
        {
            var other = (t - alternative).Duration();
            gap = other < gap ? other : gap;
        }

        return gap;
    }

    /// <summary>
    /// The title of the titled member closest to the combined centroid. Members of a two-article story
    /// are equally close, so near-ties go to the most headline-like title (closest to ten words; a title
    /// derived from a lead sentence is longer), then to the earliest-stored article.
    /// </summary>
    public string? CentralTitle()
    {
        ArticleProfile? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var member in _members)
        {
            if (string.IsNullOrWhiteSpace(member.Item.Title))
            {
                continue;
            }

            var score = Combined.Cosine(member.Combined);
            if (best is null || score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && PreferredOnTie(member, best)))
            {
                (best, bestScore) = (member, Math.Max(score, bestScore));
            }
        }

        return best?.Item.Title;
    }

    private static bool PreferredOnTie(ArticleProfile candidate, ArticleProfile incumbent)
    {
        var a = HeadlineDistance(candidate.Item.Title!);
        var b = HeadlineDistance(incumbent.Item.Title!);
        return a != b ? a < b : candidate.Item.Id < incumbent.Item.Id;
    }

    private static int HeadlineDistance(string title) => Math.Abs(title.Count(c => c == ' ') + 1 - 10);
}

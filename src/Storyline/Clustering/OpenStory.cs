namespace Storyline.Clustering;

/// <summary>A story still taking articles: the sum of its members' unit vectors (its centroid, unnormalised) and its span.</summary>
internal sealed class OpenStory(long id)
{
    private readonly Dictionary<string, double> _centroid = new(StringComparer.Ordinal);
    private readonly List<(long Id, string? Title, TermVector Vector)> _members = [];
    private double _normSquared;

    public long Id { get; } = id;

    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public int Count => _members.Count;

    public IReadOnlyDictionary<string, double> Centroid => _centroid;

    public void Add(long articleId, string? title, TermVector vector, DateTimeOffset? time)
    {
        _members.Add((articleId, title, vector));
        foreach (var (term, weight) in vector.Weights)
        {
            var old = _centroid.GetValueOrDefault(term);
            var updated = old + weight;
            _centroid[term] = updated;
            _normSquared += (updated * updated) - (old * old);
        }

        if (time is { } t)
        {
            First = First is { } f && f <= t ? f : t;
            Last = Last is { } l && l >= t ? l : t;
        }
    }

    /// <summary>Cosine of a unit vector with the centroid.</summary>
    public double Similarity(TermVector vector)
    {
        if (_normSquared <= 0)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var (term, weight) in vector.Weights)
        {
            if (_centroid.TryGetValue(term, out var c))
            {
                dot += weight * c;
            }
        }

        return dot / Math.Sqrt(_normSquared);
    }

    /// <summary>True when an article at <paramref name="time"/> is within <paramref name="window"/> of the story's span.</summary>
    public bool Accepts(DateTimeOffset? time, TimeSpan window) =>
        time is not { } t || First is not { } first || (t >= first - window && t <= Last!.Value + window);

    /// <summary>The title of the titled member closest to the centroid.</summary>
    public string? CentralTitle()
    {
        string? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var (_, title, vector) in _members)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                continue;
            }

            var score = Similarity(vector);
            if (score > bestScore)
            {
                (best, bestScore) = (title, score);
            }
        }

        return best;
    }
}

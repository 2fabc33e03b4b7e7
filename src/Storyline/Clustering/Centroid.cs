namespace Storyline.Clustering;

/// <summary>A running sum of unit vectors with its norm kept up to date, for cosine against the mean.</summary>
internal sealed class Centroid
{
    private readonly Dictionary<string, double> _sum = new(StringComparer.Ordinal);
    private double _normSquared;

    public int Count { get; private set; }

    public void Add(TermVector vector)
    {
        if (vector.IsEmpty)
        {
            return;
        }

        Count++;
        foreach (var (term, weight) in vector.Weights)
        {
            var old = _sum.GetValueOrDefault(term);
            var updated = old + weight;
            _sum[term] = updated;
            _normSquared += (updated * updated) - (old * old);
        }
    }

    /// <summary>Cosine of a unit vector with the centroid; 0 when either is empty.</summary>
    public double Cosine(TermVector vector)
    {
        if (_normSquared <= 0 || vector.IsEmpty)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var (term, weight) in vector.Weights)
        {
            if (_sum.TryGetValue(term, out var c))
            {
                dot += weight * c;
            }
        }

        return Math.Clamp(dot / Math.Sqrt(_normSquared), 0, 1);
    }

    public bool Contains(string term) => _sum.ContainsKey(term);
}

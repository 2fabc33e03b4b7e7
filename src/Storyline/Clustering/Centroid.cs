using System.Runtime.InteropServices;

namespace Storyline.Clustering;

/// <summary>A running sum of unit vectors with its norm kept up to date, for cosine against the mean.</summary>
internal sealed class Centroid
{
    private readonly Dictionary<int, double> _sum = [];
    private double _normSquared;

    public int Count { get; private set; }

    public void Add(TermVector vector)
    {
        if (vector.IsEmpty)
        {
            return;
        }

        Count++;
        // Most centroids hold one article's terms (most stories stay single): sized for them at once rather
        // than grown through every doubling (the grouping thread's largest allocation).
        if (_sum.Count == 0)
        {
            _sum.EnsureCapacity(vector.Ids.Length);
        }

        for (var i = 0; i < vector.Ids.Length; i++)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_sum, vector.Ids[i], out _);
            var old = sum;
            var updated = old + vector.Weights[i];
            sum = updated;
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
        for (var i = 0; i < vector.Ids.Length; i++)
        {
            if (_sum.TryGetValue(vector.Ids[i], out var c))
            {
                dot += vector.Weights[i] * c;
            }
        }

        return Math.Clamp(dot / Math.Sqrt(_normSquared), 0, 1);
    }

    public bool Contains(int id) => _sum.ContainsKey(id);
}

using Storyline.Analysis;

namespace Storyline.Clustering;

/// <summary>A unit-length TF-IDF vector: log-scaled term counts times smoothed IDF.</summary>
internal sealed class TermVector
{
    public static readonly TermVector Empty = new([]);

    private TermVector(Dictionary<string, double> weights) => Weights = weights;

    public Dictionary<string, double> Weights { get; }

    public bool IsEmpty => Weights.Count == 0;

    /// <summary>Raw term counts of a text, each occurrence counting <paramref name="weight"/>.</summary>
    public static void Count(Dictionary<string, double> counts, string? text, double weight, int limit = int.MaxValue)
    {
        foreach (var term in TermTokenizer.Terms(text, limit))
        {
            counts[term] = counts.GetValueOrDefault(term) + weight;
        }
    }

    public static TermVector From(Dictionary<string, double> counts, TermStatistics statistics)
    {
        if (counts.Count == 0)
        {
            return Empty;
        }

        var weights = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        var norm = 0.0;
        foreach (var (term, count) in counts)
        {
            var weight = (1 + Math.Log(Math.Max(count, 1e-9))) * statistics.Idf(term);
            weight = Math.Max(weight, 1e-6);
            weights[term] = weight;
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        foreach (var term in counts.Keys)
        {
            weights[term] /= norm;
        }

        return new TermVector(weights);
    }

    public double Dot(TermVector other)
    {
        var (small, large) = Weights.Count <= other.Weights.Count ? (this, other) : (other, this);
        var dot = 0.0;
        foreach (var (term, weight) in small.Weights)
        {
            if (large.Weights.TryGetValue(term, out var w))
            {
                dot += weight * w;
            }
        }

        return dot;
    }
}

using Storyline.Analysis;

namespace Storyline.Clustering;

/// <summary>A unit-length TF-IDF vector of an article: log-scaled term counts, title terms weighted up.</summary>
internal sealed class TermVector
{
    private TermVector(Dictionary<string, double> weights) => Weights = weights;

    public Dictionary<string, double> Weights { get; }

    public bool IsEmpty => Weights.Count == 0;

    /// <summary>The article's distinct terms (title and body), counted raw, before weighting.</summary>
    public static Dictionary<string, double> Counts(ClusterItem item, ClusteringOptions options)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in TermTokenizer.Terms(item.Title))
        {
            counts[term] = counts.GetValueOrDefault(term) + options.TitleWeight;
        }

        foreach (var term in TermTokenizer.Terms(item.Text, options.MaxBodyTerms))
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        return counts;
    }

    public static TermVector From(Dictionary<string, double> counts, TermStatistics statistics)
    {
        var weights = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        var norm = 0.0;
        foreach (var (term, count) in counts)
        {
            var weight = (1 + Math.Log(count)) * statistics.Idf(term);
            weights[term] = weight;
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        if (norm > 0)
        {
            foreach (var term in counts.Keys)
            {
                weights[term] /= norm;
            }
        }

        return new TermVector(weights);
    }
}

using System.Runtime.InteropServices;

namespace Storyline.Clustering;

/// <summary>A unit-length TF-IDF vector over numbered terms (ids ascending): log-scaled counts times smoothed IDF.</summary>
internal sealed class TermVector
{
    public static readonly TermVector Empty = new([], []);

    private TermVector(int[] ids, double[] weights)
    {
        Ids = ids;
        Weights = weights;
    }

    public int[] Ids { get; }

    public double[] Weights { get; }

    public bool IsEmpty => Ids.Length == 0;

    /// <summary>
    /// Raw term counts of a text (its first <paramref name="limit"/> terms), each occurrence counting
    /// <paramref name="weight"/>. <paramref name="counts"/> must compare ordinally; terms are looked up as spans, so
    /// a string is made only for a new term.
    /// </summary>
    public static void Count(Dictionary<string, double> counts, string? text, double weight, int limit = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text) || limit <= 0)
        {
            return;
        }

        var sink = new Counter(counts.GetAlternateLookup<ReadOnlySpan<char>>(), weight, limit);
        Analysis.TermTokenizer.Tokenize(text, ref sink);
    }

    public static TermVector From(Dictionary<string, double> counts, TermStatistics statistics)
    {
        if (counts.Count == 0)
        {
            return Empty;
        }

        var ids = new int[counts.Count];
        var weights = new double[counts.Count];
        var i = 0;
        var norm = 0.0;
        foreach (var (term, count) in counts)
        {
            var id = statistics.Id(term);
            var weight = Weight(count, id, statistics);
            ids[i] = id;
            weights[i++] = weight;
            norm += weight * weight;
        }

        return Normalised(ids, weights, norm);
    }

    /// <summary>
    /// The vector of counts whose terms are numbered already: term k is <paramref name="ids"/>[<paramref name="positions"/>[k]]
    /// (or <paramref name="ids"/>[k] with no positions). Equal to the dictionary form given the counts in the same order.
    /// </summary>
    public static TermVector From(ReadOnlySpan<int> ids, ReadOnlySpan<int> positions, ReadOnlySpan<double> counts, TermStatistics statistics)
    {
        if (counts.Length == 0)
        {
            return Empty;
        }

        var vectorIds = new int[counts.Length];
        var weights = new double[counts.Length];
        var norm = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            var id = positions.IsEmpty ? ids[i] : ids[positions[i]];
            var weight = Weight(counts[i], id, statistics);
            vectorIds[i] = id;
            weights[i] = weight;
            norm += weight * weight;
        }

        return Normalised(vectorIds, weights, norm);
    }

    private static double Weight(double count, int id, TermStatistics statistics) =>
        Math.Max((1 + Math.Log(Math.Max(count, 1e-9))) * statistics.IdfOf(id), 1e-6);

    private static TermVector Normalised(int[] ids, double[] weights, double norm)
    {
        norm = Math.Sqrt(norm);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= norm;
        }

        Array.Sort(ids, weights);
        return new TermVector(ids, weights);
    }

    private struct Counter(Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> counts, double weight, int limit) : Analysis.TermTokenizer.ITermSink
    {
        private int _seen;

        public bool Add(ReadOnlySpan<char> term)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _) += weight;
            return ++_seen < limit;
        }
    }

    /// <summary>Dot product by merging the two ascending id lists.</summary>
    public double Dot(TermVector other)
    {
        var dot = 0.0;
        int i = 0, j = 0;
        var a = Ids;
        var b = other.Ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += Weights[i++] * other.Weights[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }
}

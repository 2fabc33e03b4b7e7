namespace Storyline.Clustering;

/// <summary>
/// A running sum of unit vectors with its norm kept up to date, for cosine against the mean. Kept as ascending
/// term ids with their sums, like <see cref="TermVector"/>, so a cosine is a merge of two sorted lists rather than
/// a hash lookup per term (the lookups were the grouping thread's largest cost). Sums and norm are added up in
/// the same order as a dictionary keyed by term would, so the values are the same to the bit.
/// </summary>
internal sealed class Centroid
{
    /// <summary>Past this many centroid terms per vector term, each term is found by binary search instead.</summary>
    private const int SearchRatio = 16;

    private int[] _ids = [];
    private double[] _sums = [];
    private double _normSquared;

    public int Count { get; private set; }

    public void Add(TermVector vector)
    {
        if (vector.IsEmpty)
        {
            return;
        }

        Count++;
        var ids = vector.Ids;
        var weights = vector.Weights;
        var merged = new int[UnionCount(_ids, ids)];
        var sums = new double[merged.Length];
        int i = 0, j = 0, k = 0;
        while (j < ids.Length)
        {
            if (i < _ids.Length && _ids[i] < ids[j])
            {
                (merged[k], sums[k++]) = (_ids[i], _sums[i++]);
                continue;
            }

            var old = i < _ids.Length && _ids[i] == ids[j] ? _sums[i++] : 0.0;
            var updated = old + weights[j];
            _normSquared += (updated * updated) - (old * old);
            (merged[k], sums[k++]) = (ids[j++], updated);
        }

        Array.Copy(_ids, i, merged, k, _ids.Length - i);
        Array.Copy(_sums, i, sums, k, _ids.Length - i);
        (_ids, _sums) = (merged, sums);
    }

    /// <summary>Cosine of a unit vector with the centroid; 0 when either is empty.</summary>
    public double Cosine(TermVector vector)
    {
        if (_normSquared <= 0 || vector.IsEmpty)
        {
            return 0;
        }

        var ids = vector.Ids;
        var weights = vector.Weights;
        var dot = 0.0;
        if (_ids.Length > SearchRatio * ids.Length)
        {
            var from = 0;
            for (var j = 0; j < ids.Length; j++)
            {
                var at = Array.BinarySearch(_ids, from, _ids.Length - from, ids[j]);
                if (at >= 0)
                {
                    dot += weights[j] * _sums[at];
                    from = at + 1;
                }
                else
                {
                    from = ~at;
                }
            }
        }
        else
        {
            var i = 0;
            for (var j = 0; j < ids.Length && i < _ids.Length; j++)
            {
                while (i < _ids.Length && _ids[i] < ids[j])
                {
                    i++;
                }

                if (i < _ids.Length && _ids[i] == ids[j])
                {
                    dot += weights[j] * _sums[i++];
                }
            }
        }

        return Math.Clamp(dot / Math.Sqrt(_normSquared), 0, 1);
    }

    public bool Contains(int id) => Array.BinarySearch(_ids, id) >= 0;

    private static int UnionCount(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
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

        return a.Length + b.Length - shared;
    }
}

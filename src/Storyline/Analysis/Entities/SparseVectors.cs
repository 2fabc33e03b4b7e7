namespace Storyline.Analysis.Entities;

/// <summary>
/// Rows of word–context counts turned into unit-length positive-PMI vectors (compressed sparse rows), for
/// <see cref="SphericalKMeans"/>. Context probabilities are smoothed (counts to the power 0.75, Levy et al.
/// 2015) so that rare contexts do not get inflated associations.
/// </summary>
internal sealed class SparseVectors
{
    private SparseVectors(int[] starts, int[] columns, float[] values, int dimensions)
    {
        Starts = starts;
        Columns = columns;
        Values = values;
        Dimensions = dimensions;
    }

    /// <summary>Row r's entries are <see cref="Columns"/>/<see cref="Values"/> from Starts[r] to Starts[r + 1].</summary>
    public int[] Starts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int Dimensions { get; }

    public int Rows => Starts.Length - 1;

    public int NonZeros => Columns.Length;

    /// <summary>From (row × dimensions + column) keys, one per occurrence; sorts <paramref name="pairs"/>.</summary>
    public static SparseVectors FromPairs(List<long> pairs, int rows, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        pairs.Sort();
        var starts = new int[rows + 1];
        var columns = new List<int>();
        var counts = new List<int>();
        var columnTotals = new double[dimensions];
        var rowTotals = new double[rows];
        var k = 0;
        while (k < pairs.Count)
        {
            var key = pairs[k];
            var end = k;
            while (end < pairs.Count && pairs[end] == key)
            {
                end++;
            }

            var row = (int)(key / dimensions);
            var column = (int)(key % dimensions);
            starts[row + 1]++;
            columns.Add(column);
            counts.Add(end - k);
            columnTotals[column] += end - k;
            rowTotals[row] += end - k;
            k = end;
        }

        for (var r = 0; r < rows; r++)
        {
            starts[r + 1] += starts[r];
        }

        var smoothed = 0.0;
        for (var c = 0; c < dimensions; c++)
        {
            columnTotals[c] = Math.Pow(columnTotals[c], 0.75);
            smoothed += columnTotals[c];
        }

        var values = new float[columns.Count];
        for (var r = 0; r < rows; r++)
        {
            var norm = 0.0;
            for (var e = starts[r]; e < starts[r + 1]; e++)
            {
                // PMI = log P(w, c) / (P(w) P(c)) = log (n(w, c) / n(w)) − log Pα(c).
                var pmi = Math.Log(counts[e] / rowTotals[r]) - Math.Log(columnTotals[columns[e]] / smoothed);
                var v = Math.Max(0.0, pmi);
                values[e] = (float)v;
                norm += v * v;
            }

            var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
            for (var e = starts[r]; e < starts[r + 1]; e++)
            {
                values[e] = (float)(values[e] * scale);
            }
        }

        return new SparseVectors(starts, [.. columns], values, dimensions);
    }

    /// <summary>The dot product of row <paramref name="row"/> with a dense vector.</summary>
    public float Dot(int row, ReadOnlySpan<float> dense)
    {
        var sum = 0f;
        for (var e = Starts[row]; e < Starts[row + 1]; e++)
        {
            sum += Values[e] * dense[Columns[e]];
        }

        return sum;
    }

    /// <summary>Adds row <paramref name="row"/> to a dense vector.</summary>
    public void AddTo(int row, Span<float> dense)
    {
        for (var e = Starts[row]; e < Starts[row + 1]; e++)
        {
            dense[Columns[e]] += Values[e];
        }
    }
}

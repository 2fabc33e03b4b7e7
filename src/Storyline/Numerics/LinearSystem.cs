namespace Storyline.Numerics;

/// <summary>Solves the small dense systems of Newton's method for the logistic-regression models the trainers fit.</summary>
internal static class LinearSystem
{
    /// <summary>Below this a pivot counts as zero: a feature that never varies must not divide by nothing.</summary>
    private const double TinyPivot = 1e-15;

    /// <summary>
    /// Solves A x = b (the first <paramref name="n"/> rows and columns) by Gaussian elimination with partial
    /// pivoting; A is small and positive definite (a Hessian with a ridge), so nothing more is needed.
    /// </summary>
    public static double[] Solve(double[,] a, double[] b, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            var diagonal = Guarded(m[col, col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / diagonal;
                for (var c = col; c < n; c++)
                {
                    m[r, c] -= factor * m[col, c];
                }

                x[r] -= factor * x[col];
            }
        }

        var result = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = x[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= m[r, c] * result[c];
            }

            result[r] = sum / Guarded(m[r, r]);
        }

        return result;
    }

    private static double Guarded(double pivot) => Math.Abs(pivot) > TinyPivot ? pivot : TinyPivot;
}

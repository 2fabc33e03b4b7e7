using Storyline.Extraction.PlainText;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Fits the <see cref="LineModel"/>: L2-penalised logistic regression by Newton's method on
/// standardised features (deterministic, no learning rate), folded back to raw-feature coefficients.
/// A line weighs the square root of its token count (the metrics count tokens, but a menu of many
/// short lines still matters), and every page weighs the same in total, as the metrics average pages.
/// Each page's gold text is also given as a clean document whose lines are all body, so that edge
/// position and missing neighbours alone do not condemn a line.
/// </summary>
internal static class LineModelTrainer
{
    /// <summary>Fits on the pages' dumps and on their gold texts as clean documents (see <see cref="LineExamples.CleanOf"/>).</summary>
    public static LineModel Fit(IReadOnlyList<LineExamples> pages, double l2 = 1.0, int iterations = 20)
    {
        var clean = new LineExamples[pages.Count];
        Parallel.For(0, pages.Count, i => clean[i] = LineExamples.CleanOf(pages[i].Page));
        return FitExactly([.. pages, .. clean.Where(c => c.Labels.Length > 0)], l2, iterations);
    }

    private static LineModel FitExactly(IReadOnlyList<LineExamples> pages, double l2, int iterations)
    {
        var d = LineFeatures.Names.Length;
        var rows = new List<(double[] X, double Y, double W)>();
        foreach (var page in pages)
        {
            var total = 0.0;
            for (var i = 0; i < page.Labels.Length; i++)
            {
                total += Math.Sqrt(1 + page.Tokens[i]);
            }

            for (var i = 0; i < page.Labels.Length; i++)
            {
                rows.Add((page.Features[i], page.Labels[i] ? 1 : 0, page.Weight * Math.Sqrt(1 + page.Tokens[i]) / total));
            }
        }

        var mean = new double[d];
        var scale = new double[d];
        foreach (var (x, _, _) in rows)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += x[j] / rows.Count;
            }
        }

        foreach (var (x, _, _) in rows)
        {
            for (var j = 0; j < d; j++)
            {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / rows.Count;
            }
        }

        for (var j = 0; j < d; j++)
        {
            scale[j] = scale[j] > 1e-12 ? Math.Sqrt(scale[j]) : 1;
        }

        var beta = new double[d + 1]; // intercept last
        var z = new double[d + 1];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            foreach (var (x, y, w) in rows)
            {
                for (var j = 0; j < d; j++)
                {
                    z[j] = (x[j] - mean[j]) / scale[j];
                }

                z[d] = 1;
                var eta = 0.0;
                for (var j = 0; j <= d; j++)
                {
                    eta += beta[j] * z[j];
                }

                var p = 1 / (1 + Math.Exp(-eta));
                var error = w * (p - y);
                var curvature = w * Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a <= d; a++)
                {
                    gradient[a] += error * z[a];
                    var ca = curvature * z[a];
                    for (var b = a; b <= d; b++)
                    {
                        hessian[a, b] += ca * z[b];
                    }
                }
            }

            // The penalty is per page (weights sum to one a page), so it is scaled by the page count.
            var penalty = l2 / pages.Count;
            for (var a = 0; a <= d; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[a, b] = hessian[b, a];
                }

                if (a < d)
                {
                    gradient[a] += penalty * beta[a];
                    hessian[a, a] += penalty;
                }
            }

            var step = Storyline.Numerics.LinearSystem.Solve(hessian, gradient, d + 1);
            var change = 0.0;
            for (var j = 0; j <= d; j++)
            {
                beta[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        var weights = new double[d];
        var bias = beta[d];
        for (var j = 0; j < d; j++)
        {
            weights[j] = beta[j] / scale[j];
            bias -= beta[j] * mean[j] / scale[j];
        }

        return new LineModel(bias, weights);
    }
}

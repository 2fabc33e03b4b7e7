using Storyline.Numerics;

namespace Storyline.Bench.Comparison;

/// <summary>A logistic regression over standardised features, fitted by Newton's method with an L2 ridge.</summary>
internal sealed record LogisticFit(double[] Means, double[] Scales, double[] Weights, double Bias)
{
    public static LogisticFit Train(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double ridge)
    {
        var d = x[0].Length;
        var means = new double[d];
        var scales = new double[d];
        for (var j = 0; j < d; j++)
        {
            means[j] = x.Average(r => r[j]);
            var variance = x.Average(r => (r[j] - means[j]) * (r[j] - means[j]));
            scales[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var z = x.Select(r => r.Select((v, j) => (v - means[j]) / scales[j]).Append(1.0).ToArray()).ToArray();
        var w = new double[d + 1];
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (var i = 0; i < z.Length; i++)
            {
                var p = Sigmoid(Dot(w, z[i]));
                var error = p - (y[i] ? 1 : 0);
                var curvature = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j <= d; j++)
                {
                    gradient[j] += error * z[i][j];
                    for (var k = 0; k <= d; k++)
                    {
                        hessian[j, k] += curvature * z[i][j] * z[i][k];
                    }
                }
            }

            for (var j = 0; j < d; j++)
            {
                gradient[j] += ridge * w[j];
                hessian[j, j] += ridge;
            }

            hessian[d, d] += 1e-9;
            var step = LinearSystem.Solve(hessian, gradient, d + 1);
            var change = 0.0;
            for (var j = 0; j <= d; j++)
            {
                w[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-7)
            {
                break;
            }
        }

        return new LogisticFit(means, scales, w[..d], w[d]);
    }

    public double Probability(double[] features)
    {
        var score = Bias;
        for (var j = 0; j < Weights.Length; j++)
        {
            score += Weights[j] * (features[j] - Means[j]) / Scales[j];
        }

        return Sigmoid(score);
    }

    private static double Dot(double[] w, double[] z)
    {
        var sum = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            sum += w[j] * z[j];
        }

        return sum;
    }

    private static double Sigmoid(double s) => 1 / (1 + Math.Exp(-s));
}

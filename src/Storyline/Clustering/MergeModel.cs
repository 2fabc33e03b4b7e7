namespace Storyline.Clustering;

/// <summary>
/// Logistic regression over <see cref="MergeFeatures"/>: the probability that an article belongs to a
/// candidate story. The default coefficients are learned (see <c>bench/Storyline.Bench -- train-grouping</c>)
/// and checked in as <c>MergeModel.Weights.cs</c>.
/// </summary>
public sealed partial class MergeModel
{
    private readonly double[] _weights;

    /// <summary>A model with the given bias and feature weights (in the order of the feature names).</summary>
    public MergeModel(double bias, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != MergeFeatures.Count)
        {
            throw new ArgumentException($"expected {MergeFeatures.Count} weights, got {weights.Count}", nameof(weights));
        }

        Bias = bias;
        _weights = [.. weights];
    }

    /// <summary>The learned default model.</summary>
    public static MergeModel Default { get; } = new(DefaultBias, DefaultWeights);

    /// <summary>The names of the features, in weight order.</summary>
    public static IReadOnlyList<string> FeatureNames => MergeFeatures.Names;

    /// <summary>The intercept.</summary>
    public double Bias { get; }

    /// <summary>The feature weights.</summary>
    public IReadOnlyList<double> Weights => _weights;

    internal double Probability(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}

namespace Storyline.Comparison;

/// <summary>
/// Decides whether two passages (sentences of different outlets' reports) say the same thing: a learned
/// model over <see cref="PairFeatures"/>, trained on the MRPC training pairs by
/// <c>bench -- train-compare</c>, which writes its parameters into <c>SameContentModel.Weights.cs</c>;
/// the library only loads them. Immutable and thread-safe.
/// </summary>
public sealed partial class SameContentModel
{
    private readonly double[] _means;
    private readonly double[] _scales;
    private readonly double[] _weights;
    private readonly double _bias;

    internal SameContentModel(double[] means, double[] scales, double[] weights, double bias, double threshold)
    {
        if (means.Length != PairFeatures.Count || scales.Length != PairFeatures.Count || weights.Length != PairFeatures.Count)
        {
            throw new ArgumentException($"the model has {weights.Length} weights for {PairFeatures.Count} features");
        }

        _means = means;
        _scales = scales;
        _weights = weights;
        _bias = bias;
        Threshold = threshold;
    }

    /// <summary>The shipped model.</summary>
    public static SameContentModel Default { get; } = new(DefaultMeans, DefaultScales, DefaultWeights, DefaultBias, DefaultThreshold);

    /// <summary>Pairs scoring at or above this are the same content (chosen by cross-validation on the training pairs).</summary>
    public double Threshold { get; }

    /// <summary>The probability that <paramref name="a"/> and <paramref name="b"/> say the same thing.</summary>
    public double Probability(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Probability(PassageWords.Of(a), PassageWords.Of(b));
    }

    /// <summary>Whether a pair with this probability is the same content.</summary>
    public bool IsSame(double probability) => probability >= Threshold;

    internal double Probability(PassageWords a, PassageWords b)
    {
        Span<double> features = stackalloc double[PairFeatures.Count];
        PairFeatures.Compute(a, b, features);
        return Probability(features);
    }

    internal double Probability(ReadOnlySpan<double> features)
    {
        var score = _bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            score += _weights[i] * (features[i] - _means[i]) / _scales[i];
        }

        return 1 / (1 + Math.Exp(-score));
    }
}

namespace Storyline.Extraction.PlainText;

/// <summary>
/// Logistic line classifier: the probability that a line of a plain-text dump belongs to the article
/// rather than the site around it, from the <see cref="LineFeatures"/> of the line and its neighbours.
/// Each line's log-odds are then smoothed with its neighbours' (articles and chrome come in runs), and
/// a line is body when the smoothed log-odds are positive. The default coefficients are learned from
/// the extraction evaluation pages by the bench command <c>train-boilerplate</c> and checked in
/// (<c>LineModel.Weights.cs</c>).
/// </summary>
internal sealed partial class LineModel
{
    private readonly double[] _weights;

    /// <summary>A model over <see cref="LineFeatures.Names"/>; throws when the weights do not match them.</summary>
    public LineModel(double bias, double[] weights, double smoothing = DefaultSmoothing)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != LineFeatures.Names.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {LineFeatures.Names.Length} line features: retrain with train-boilerplate", nameof(weights));
        }

        if (smoothing is < 0 or >= 1 || double.IsNaN(smoothing))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothing), "a share of the neighbours' log-odds in [0, 1)");
        }

        Bias = bias;
        _weights = weights;
        Smoothing = smoothing;
    }

    /// <summary>The shipped model.</summary>
    public static LineModel Default { get; } = new(DefaultBias, DefaultWeights);

    /// <summary>The intercept.</summary>
    public double Bias { get; }

    /// <summary>One coefficient per feature, in the order of <see cref="LineFeatures.Names"/>.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>How much of a line's smoothed log-odds comes from its two neighbours (0 = none).</summary>
    public double Smoothing { get; }

    /// <summary>The log-odds that the line with these features is body.</summary>
    public double LogOdds(double[] features)
    {
        var z = Bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return z;
    }

    /// <summary>Which lines are body, after smoothing each line's log-odds with its neighbours'.</summary>
    public bool[] Body(double[][] features)
    {
        var n = features.Length;
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = LogOdds(features[i]);
        }

        var body = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var neighbours = (i > 0 ? z[i - 1] : z[i]) + (i + 1 < n ? z[i + 1] : z[i]);
            body[i] = (1 - Smoothing) * z[i] + Smoothing * neighbours / 2 > 0;
        }

        return body;
    }
}

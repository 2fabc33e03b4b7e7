namespace Storyline.Analysis.Quotes;

/// <summary>
/// Receives a candidate's features, each given as up to four text parts that are lower-cased and joined. For
/// training it collects the joined names; for extraction it adds each feature's weight to a running score without
/// building the name (a 64-bit FNV-1a hash of the lower-cased characters keys the weights), so scoring allocates nothing.
/// </summary>
internal sealed class QuoteFeatureSink
{
    private readonly List<string>? _names;

    /// <summary>A sink that collects feature names (training) when <paramref name="names"/> is given, else one that scores.</summary>
    public QuoteFeatureSink(List<string>? names) => _names = names;

    /// <summary>The sum of the weights of the features added since <see cref="Reset"/>, plus the bias.</summary>
    public double Score { get; private set; }

    public void Reset()
    {
        _names?.Clear();
        Score = QuoteClassifier.Bias;
    }

    public void Add(ReadOnlySpan<char> a, ReadOnlySpan<char> b = default, ReadOnlySpan<char> c = default, ReadOnlySpan<char> d = default)
    {
        if (_names is not null)
        {
            _names.Add(string.Concat(a, b, c, d).ToLowerInvariant());
            return;
        }

        var hash = QuoteClassifier.HashSeed;
        hash = QuoteClassifier.Hash(hash, a);
        hash = QuoteClassifier.Hash(hash, b);
        hash = QuoteClassifier.Hash(hash, c);
        hash = QuoteClassifier.Hash(hash, d);
        Score += QuoteClassifier.Weight(hash);
    }
}

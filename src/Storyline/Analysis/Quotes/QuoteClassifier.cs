using Storyline.Analysis.Entities;

namespace Storyline.Analysis.Quotes;

/// <summary>
/// A logistic regression over candidate features (<see cref="QuoteDocument"/>) that decides whether a candidate
/// is an attribution. Weights are learned on PolNeAR train by <c>bench -- train-quotes-classifier</c> and checked in
/// as generated code (<c>QuoteClassifier.Weights.cs</c>), keyed by feature name; at load they are re-keyed by the
/// hash of the name, which <see cref="QuoteFeatureSink"/> computes without building the name.
/// </summary>
internal static partial class QuoteClassifier
{
    public const ulong HashSeed = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    /// <summary>The probability that a candidate with this score (bias plus feature weights) is an attribution.</summary>
    public static double Probability(double score) => 1 / (1 + Math.Exp(-score));

    /// <summary>FNV-1a over the lower-cased characters of <paramref name="part"/>, continuing <paramref name="hash"/>.</summary>
    public static ulong Hash(ulong hash, ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            // ASCII, by far the common case, is lower-cased inline: char.ToLowerInvariant dominated the scoring time.
            var lower = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
            hash = (hash ^ lower) * Prime;
        }

        return hash;
    }

    public static double Weight(ulong hash) => Table.ByHash[FeatureHash.Mix(hash)];

    /// <summary>The generated weights by feature name (for tests).</summary>
    internal static ReadOnlySpan<(string Name, double Weight)> Entries => Weights;

    /// <summary>
    /// Every candidate asks for dozens of weights, most of them absent: an open-addressing table, keyed by the
    /// FNV hash mixed again because the table picks slots by the low bits.
    /// </summary>
    private static HashLookup<double> BuildByHash(ReadOnlySpan<(string Name, double Weight)> weights)
    {
        var byHash = new Dictionary<ulong, double>(weights.Length);
        foreach (var (name, weight) in weights)
        {
            byHash[FeatureHash.Mix(Hash(HashSeed, name))] = weight;
        }

        return new HashLookup<double>(byHash);
    }

    /// <summary>Built on first use, once the generated weights (in another part of this class) are initialised.</summary>
    private static class Table
    {
        public static readonly HashLookup<double> ByHash = BuildByHash(Weights);
    }
}

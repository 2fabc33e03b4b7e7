namespace Storyline.Analysis.Quotes;

/// <summary>
/// A logistic regression over candidate features (<see cref="QuoteDocument"/>) that decides whether a candidate
/// is an attribution. Weights are learned on PolNeAR train by <c>bench -- train-quotes-classifier</c> and checked in
/// as generated code (<c>QuoteClassifier.Weights.cs</c>).
/// </summary>
internal static partial class QuoteClassifier
{
    /// <summary>The probability that a candidate with these features is an attribution.</summary>
    public static double Probability(List<string> features)
    {
        var z = Bias;
        foreach (var feature in features)
        {
            z += Weights.GetValueOrDefault(feature);
        }

        return 1 / (1 + Math.Exp(-z));
    }
}

namespace Storyline.Bench;

/// <summary>B-cubed and pairwise precision/recall/F1 of a predicted grouping against labels (definitions in shared/eval/README.md).</summary>
internal sealed record GroupingMetrics(double BcubedP, double BcubedR, double PairP, double PairR, int Clusters)
{
    public double BcubedF1 => F1(BcubedP, BcubedR);

    public double PairF1 => F1(PairP, PairR);

    public static GroupingMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<long> predicted)
    {
        var n = gold.Count;
        var goldSize = gold.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var predSize = predicted.GroupBy(p => p).ToDictionary(g => g.Key, g => (long)g.Count());
        var both = Enumerable.Range(0, n).GroupBy(i => (gold[i], predicted[i])).ToDictionary(g => g.Key, g => (long)g.Count());

        double precision = 0, recall = 0;
        for (var i = 0; i < n; i++)
        {
            var shared = both[(gold[i], predicted[i])];
            precision += (double)shared / predSize[predicted[i]];
            recall += (double)shared / goldSize[gold[i]];
        }

        static long Pairs(long k) => k * (k - 1) / 2;
        var truePairs = both.Values.Sum(Pairs);
        var predictedPairs = predSize.Values.Sum(Pairs);
        var goldPairs = goldSize.Values.Sum(Pairs);
        return new GroupingMetrics(
            precision / n,
            recall / n,
            predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs,
            goldPairs == 0 ? 1 : (double)truePairs / goldPairs,
            predSize.Count);
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public override string ToString() =>
        $"B3 P {BcubedP:F3} R {BcubedR:F3} F1 {BcubedF1:F3} | pairwise P {PairP:F3} R {PairR:F3} F1 {PairF1:F3} | {Clusters} stories";
}

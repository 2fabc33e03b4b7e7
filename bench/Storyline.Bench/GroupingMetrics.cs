namespace Storyline.Bench;

/// <summary>
/// B-cubed and pairwise precision/recall/F1 of a predicted grouping against labels (definitions in
/// shared/eval/README.md). Accumulates over cross-validation folds: in each fold only the held-out
/// articles are scored (B-cubed over them; pairwise over pairs with at least one of them), each article
/// being held out exactly once.
/// </summary>
internal sealed class GroupingMetrics
{
    private double _precisionSum, _recallSum;
    private long _scored, _truePairs, _predictedPairs, _goldPairs;

    public int Clusters { get; private set; }

    public double BcubedP => _precisionSum / _scored;

    public double BcubedR => _recallSum / _scored;

    public double BcubedF1 => F1(BcubedP, BcubedR);

    public double PairP => _predictedPairs == 0 ? 1 : (double)_truePairs / _predictedPairs;

    public double PairR => _goldPairs == 0 ? 1 : (double)_truePairs / _goldPairs;

    public double PairF1 => F1(PairP, PairR);

    public static GroupingMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<long> predicted)
    {
        var metrics = new GroupingMetrics();
        metrics.Add(gold, predicted, _ => true);
        return metrics;
    }

    public void Add(IReadOnlyList<string> gold, IReadOnlyList<long> predicted, Func<int, bool> scored)
    {
        var n = gold.Count;
        var predSize = new Dictionary<long, (long All, long Scored)>();
        var goldSize = new Dictionary<string, (long All, long Scored)>(StringComparer.Ordinal);
        var cell = new Dictionary<(string, long), (long All, long Scored)>();
        for (var i = 0; i < n; i++)
        {
            var s = scored(i) ? 1 : 0;
            Bump(predSize, predicted[i], s);
            Bump(goldSize, gold[i], s);
            Bump(cell, (gold[i], predicted[i]), s);
        }

        for (var i = 0; i < n; i++)
        {
            if (!scored(i))
            {
                continue;
            }

            var shared = cell[(gold[i], predicted[i])].All;
            _precisionSum += (double)shared / predSize[predicted[i]].All;
            _recallSum += (double)shared / goldSize[gold[i]].All;
            _scored++;
        }

        _truePairs += cell.Values.Sum(PairsTouchingScored);
        _predictedPairs += predSize.Values.Sum(PairsTouchingScored);
        _goldPairs += goldSize.Values.Sum(PairsTouchingScored);
        Clusters = predSize.Count;
    }

    private static long Pairs(long k) => k * (k - 1) / 2;

    private static long PairsTouchingScored((long All, long Scored) group) => Pairs(group.All) - Pairs(group.All - group.Scored);

    private static void Bump<TKey>(Dictionary<TKey, (long All, long Scored)> counts, TKey key, int scored)
        where TKey : notnull
    {
        var (all, s) = counts.GetValueOrDefault(key);
        counts[key] = (all + 1, s + scored);
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public override string ToString() =>
        $"B3 P {BcubedP:F3} R {BcubedR:F3} F1 {BcubedF1:F3} | pairwise P {PairP:F3} R {PairR:F3} F1 {PairF1:F3} | {Clusters} stories";
}

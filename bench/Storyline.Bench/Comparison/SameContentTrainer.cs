using System.Globalization;
using System.Text;
using Storyline.Comparison;

namespace Storyline.Bench.Comparison;

/// <summary>
/// <c>train-compare</c> and the cross-validation part of <c>compare</c>: the same-content model on the MRPC training
/// pairs, 10 folds by pair (fixed shuffle), logistic regression against boosted trees; the chosen model is refitted on
/// all pairs and written into <c>src/Storyline/Comparison/SameContentModel.Weights.cs</c>.
/// </summary>
internal static class SameContentTrainer
{
    private const int Folds = 10;

    public static string MrpcPath(string eval) => Path.Combine(eval, "compare", "mrpc-train.tsv");

    public static (double[][] X, bool[] Y) Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var pairs = SentencePairFile.Read(reader, (line, reason) => Console.Error.WriteLine($"{path}:{line}: {reason}")).ToList();
        var x = new double[pairs.Count][];
        for (var i = 0; i < pairs.Count; i++)
        {
            x[i] = new double[PairFeatures.Count];
            PairFeatures.Compute(PassageWords.Of(pairs[i].Text1), PassageWords.Of(pairs[i].Text2), x[i]);
        }

        return (x, [.. pairs.Select(p => p.Same)]);
    }

    /// <summary>Out-of-fold probabilities of each pair, for a trainer, with the per-fold accuracy and F1 at 0.5.</summary>
    public static double[] CrossValidate(double[][] x, bool[] y, Func<IReadOnlyList<double[]>, IReadOnlyList<bool>, Func<double[], double>> train)
    {
        var fold = FoldOf(x.Length);
        var probabilities = new double[x.Length];
        for (var f = 0; f < Folds; f++)
        {
            var trainRows = Enumerable.Range(0, x.Length).Where(i => fold[i] != f).ToList();
            var model = train([.. trainRows.Select(i => x[i])], [.. trainRows.Select(i => y[i])]);
            for (var i = 0; i < x.Length; i++)
            {
                if (fold[i] == f)
                {
                    probabilities[i] = model(x[i]);
                }
            }
        }

        return probabilities;
    }

    /// <summary>Accuracy and F1 per fold at <paramref name="threshold"/>: "mean ± sd" of each.</summary>
    public static string Describe(double[] probabilities, bool[] y, double threshold)
    {
        var fold = FoldOf(y.Length);
        var accuracies = new List<double>();
        var f1s = new List<double>();
        for (var f = 0; f < Folds; f++)
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => fold[i] == f).ToList();
            var (accuracy, f1) = Score(rows.Select(i => probabilities[i] >= threshold), rows.Select(i => y[i]));
            accuracies.Add(accuracy);
            f1s.Add(f1);
        }

        var (all, allF1) = Score(probabilities.Select(p => p >= threshold), y);
        return string.Create(CultureInfo.InvariantCulture,
            $"accuracy {all:0.000} ({accuracies.Average():0.000} ± {Sd(accuracies):0.000} by fold, {accuracies.Min():0.000}-{accuracies.Max():0.000})  F1 {allF1:0.000} ({f1s.Average():0.000} ± {Sd(f1s):0.000}, {f1s.Min():0.000}-{f1s.Max():0.000})  threshold {threshold:0.00}");
    }

    /// <summary>The threshold (0.30-0.70) with the best out-of-fold accuracy + F1.</summary>
    public static double BestThreshold(double[] probabilities, bool[] y) =>
        Enumerable.Range(30, 41).Select(t => t / 100.0).OrderByDescending(t =>
        {
            var (accuracy, f1) = Score(probabilities.Select(p => p >= t), y);
            return accuracy + f1;
        }).First();

    public static (double Accuracy, double F1) Score(IEnumerable<bool> predicted, IEnumerable<bool> gold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (p, g) in predicted.Zip(gold))
        {
            tp += p && g ? 1 : 0;
            fp += p && !g ? 1 : 0;
            fn += !p && g ? 1 : 0;
            tn += !p && !g ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return ((double)(tp + tn) / Math.Max(1, tp + fp + fn + tn), precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static int[] FoldOf(int count)
    {
        var random = new Random(19);
        var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToArray();
        var fold = new int[count];
        for (var k = 0; k < count; k++)
        {
            fold[order[k]] = k % Folds;
        }

        return fold;
    }

    private static double Sd(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
    }
}

using System.Globalization;
using System.Text;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Analysis.Text;

namespace Storyline.Bench.Quotes;

/// <summary>
/// Learns the quote classifier (<see cref="QuoteClassifier"/>) on PolNeAR train: every candidate the rules propose
/// is labelled by the scorer (its prediction matches a gold content one-to-one; requiring the right speaker too was
/// tried and scored lower), features seen at least <c>MinCount</c> times are kept, a logistic regression is fitted
/// (AdaGrad, L2, fixed seed), and the keep threshold is the one with the best content F1 (speaker accuracy at
/// least 0.80) over 5-fold cross-validated probabilities, so that train figures stay held-out. The final model is
/// fitted on all of train and written to <c>src/Storyline/Analysis/Quotes/QuoteClassifier.Weights.cs</c>.
/// </summary>
internal static class ClassifierTrainer
{
    private const int Folds = 5;
    private const int MinCount = 10;
    private const int Epochs = 25;
    private const double Rate = 0.1;
    private const double L2 = 1e-3;

    private sealed record Example(int Article, int[] Features, bool Label);

    public static void Train(string eval)
    {
        var articles = File.ReadLines(Path.Combine(eval, "quotes", "polnear-train.jsonl")).Select(QuotesRunner.Parse).ToList();
        var candidates = articles.Select(a =>
        {
            var (tokens, sentences) = SentenceSplitter.Split(a.Text);
            var mentions = EntityRecognizer.Default.Recognize(a.Text, tokens, sentences);
            return new QuoteDocument(a.Text, tokens, sentences, mentions, stances: true).Candidates();
        }).ToList();

        var counts = candidates.SelectMany(c => c).SelectMany(c => c.Features).CountBy(f => f).Where(p => p.Value >= MinCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var index = counts.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var examples = new List<Example>();
        for (var a = 0; a < articles.Count; a++)
        {
            var labels = QuotesRunner.Labels(articles[a], [.. candidates[a].Select(c => c.Quote)], requireSpeaker: false);
            for (var i = 0; i < labels.Length; i++)
            {
                examples.Add(new Example(a, [.. candidates[a][i].Features.Where(index.ContainsKey).Select(f => index[f])], labels[i]));
            }
        }

        Console.WriteLine($"{examples.Count} candidates ({examples.Count(e => e.Label)} positive), {index.Count} features");

        // Out-of-fold probabilities: each article scored by a model that never saw it.
        var probability = new double[examples.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (w, b) = Fit([.. examples.Where(e => e.Article % Folds != fold)], index.Count);
            for (var i = 0; i < examples.Count; i++)
            {
                if (examples[i].Article % Folds == fold)
                {
                    probability[i] = Predict(w, b, examples[i].Features);
                }
            }
        }

        var perArticle = new List<double[]>();
        var offset = 0;
        foreach (var c in candidates)
        {
            perArticle.Add(probability[offset..(offset + c.Count)]);
            offset += c.Count;
        }

        var best = (Threshold: 0.0, F1: -1.0);
        for (var t = 0.0; t <= 0.9; t += 0.025)
        {
            var tally = Evaluate(articles, candidates, perArticle, t);
            var f1 = F1(tally);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t:F3}: F1 {f1:F3} P {tally.Matched / (double)tally.Predicted:F3} R {tally.Matched / (double)tally.Gold:F3} speaker {tally.SpeakerRight / (double)tally.Matched:F3}"));
            if (f1 > best.F1 && tally.SpeakerRight >= 0.8 * tally.Matched)
            {
                best = (t, f1);
            }
        }

        foreach (var rule in examples.Select((e, i) => (e, i)).GroupBy(x => candidates[x.e.Article].Count == 0 ? "" : RuleOf(x.e, counts)))
        {
            var kept = rule.Where(x => probability[x.i] >= best.Threshold).ToList();
            Console.WriteLine($"  {rule.Key}: {rule.Count()} candidates, {rule.Count(x => x.e.Label)} positive; kept {kept.Count}, {kept.Count(x => x.e.Label)} positive");
        }

        var chosen = Evaluate(articles, candidates, perArticle, best.Threshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {best.Threshold:F3}; 5-fold cross-validated on train:"));
        Console.WriteLine($"  content, overlap: {QuotesRunner.Prf(chosen.Matched, chosen.Predicted, chosen.Gold)}");
        Console.WriteLine($"  content, exact:   {QuotesRunner.Prf(chosen.Exact, chosen.Predicted, chosen.Gold)}");
        Console.WriteLine($"  speaker accuracy: {QuotesRunner.Ratio(chosen.SpeakerRight, chosen.Matched)}");

        var (weights, bias) = Fit(examples, index.Count);
        Console.WriteLine($"written to {Write(counts, weights, bias, best.Threshold)}");
    }

    private static string RuleOf(Example e, List<string> names) => e.Features.Select(f => names[f]).FirstOrDefault(n => n.StartsWith("rule=", StringComparison.Ordinal)) ?? "?";

    private static double F1(QuotesRunner.Tally t) => t.Matched == 0 ? 0 : 2.0 * t.Matched / (t.Predicted + t.Gold);

    private static QuotesRunner.Tally Evaluate(List<QuotesRunner.Article> articles, List<IReadOnlyList<(Quote Quote, string[] Features)>> candidates, List<double[]> probability, double threshold)
    {
        var total = new QuotesRunner.Tally();
        for (var a = 0; a < articles.Count; a++)
        {
            var quotes = candidates[a].Select(c => c.Quote).ToList();
            var best = new Dictionary<object, double>();
            for (var i = 0; i < quotes.Count; i++)
            {
                var key = quotes[i].CueStart is { } c ? (object)c : i;
                best[key] = Math.Max(best.GetValueOrDefault(key), probability[a][i]);
            }

            var kept = quotes.Where((q, i) => best[q.CueStart is { } c ? (object)c : i] >= threshold).ToList();
            total.Add(QuotesRunner.Score(articles[a], kept, null));
        }

        return total;
    }

    private static double Predict(double[] w, double b, int[] features)
    {
        var z = b;
        foreach (var f in features)
        {
            z += w[f];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Logistic regression by AdaGrad over shuffled examples (fixed seed, so runs are reproducible).</summary>
    private static (double[] Weights, double Bias) Fit(List<Example> examples, int features)
    {
        var w = new double[features];
        var g2 = new double[features];
        double b = 0, b2 = 0;
        var random = new Random(5);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var e = examples[i];
                var gradient = Predict(w, b, e.Features) - (e.Label ? 1 : 0);
                b2 += gradient * gradient;
                b -= Rate * gradient / Math.Sqrt(b2 + 1e-8);
                foreach (var f in e.Features)
                {
                    var g = gradient + L2 * w[f];
                    g2[f] += g * g;
                    w[f] -= Rate * g / Math.Sqrt(g2[f] + 1e-8);
                }
            }
        }

        return (w, b);
    }

    private static string Write(List<string> names, double[] weights, double bias, double threshold)
    {
        var path = Path.Combine(ModelWriter.RepositoryRoot(), "src", "Storyline", "Analysis", "Quotes", "QuoteClassifier.Weights.cs");
        var source = new StringBuilder()
            .AppendLine("// Generated by `dotnet run -c Release --project bench/Storyline.Bench -- train-quotes-classifier`; do not edit by hand.")
            .AppendLine("// Logistic-regression weights of candidate features, learned on PolNeAR train; the threshold is chosen by 5-fold cross-validation.")
            .AppendLine("namespace Storyline.Analysis.Quotes;")
            .AppendLine()
            .AppendLine("internal static partial class QuoteClassifier")
            .AppendLine("{")
            .AppendLine("    /// <summary>Candidates whose group scores below this are dropped.</summary>")
            .AppendLine(CultureInfo.InvariantCulture, $"    public const double Threshold = {threshold.ToString("R", CultureInfo.InvariantCulture)};")
            .AppendLine()
            .AppendLine("    /// <summary>The score of a candidate with no known feature.</summary>")
            .AppendLine(CultureInfo.InvariantCulture, $"    public const double Bias = {bias.ToString("R", CultureInfo.InvariantCulture)};")
            .AppendLine()
            .AppendLine("    private static readonly (string Name, double Weight)[] Weights =")
            .AppendLine("    [");
        for (var i = 0; i < names.Count; i++)
        {
            if (Math.Abs(weights[i]) >= 1e-3)
            {
                source.AppendLine(CultureInfo.InvariantCulture, $"        (\"{names[i].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\", {Math.Round(weights[i], 4).ToString("R", CultureInfo.InvariantCulture)}),");
            }
        }

        source.AppendLine("    ];").AppendLine("}");
        File.WriteAllText(path, source.ToString());
        return path;
    }
}

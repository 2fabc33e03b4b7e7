using System.Globalization;
using System.Text;
using Storyline.Bench.ExtractionEval;
using Storyline.Extraction;
using Storyline.Extraction.PlainText;
using Storyline.Reading;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Plain-text boilerplate removal measured on the extraction evaluation pages turned into text dumps:
/// each dump goes through plain-text extraction and is scored against the gold main text with the eval
/// README's metrics (AEB shingles on aeb-dev, WCXB bag of words and snippets on wcxb-dev-articles).
/// Learned models are scored only on pages they were not trained on: across sets (trained on one, scored
/// on the other) and 5-fold by page. Also the trainer's entry point (<c>train-boilerplate</c>).
/// </summary>
internal static class PlainTextRunner
{
    private const int Folds = 5;

    private static readonly double[] SmoothingGrid = [0, 0.2, 0.35, 0.5];

    /// <summary><c>plaintext</c>: rules vs classifier, cross-validated; per-page scores to a TSV file.</summary>
    public static int Evaluate(string evalRoot, string[] args)
    {
        var explain = Array.IndexOf(args, "--explain");
        if (explain >= 0 && explain + 1 < args.Length)
        {
            return Explain(args[explain + 1]);
        }

        var examples = LineExamples.Of(DumpCorpus.Load(evalRoot));
        Console.WriteLine(Inv($"{examples.Count} pages, {examples.Sum(e => e.Labels.Length)} lines, {examples.Sum(e => e.Labels.Count(l => l)) / (double)examples.Sum(e => e.Labels.Length):F3} labelled body"));
        var shipped = LineModel.Default;
        var crossSet = CrossSet(examples, shipped.Smoothing);
        var kFold = KFold(examples, shipped.Smoothing);
        var variants = new List<(string Name, Func<int, string> Text)>
        {
            ("whole dump (no cleaning)", i => examples[i].Page.Dump),
            ("rules only (before)", i => Clean(examples[i].Page, LineCleaning.Rules, shipped)),
            ("classifier, cross-set", i => Clean(examples[i].Page, LineCleaning.Classifier, crossSet[i])),
            ("classifier, 5-fold by page", i => Clean(examples[i].Page, LineCleaning.Classifier, kFold[i])),
            ("classifier + rules, 5-fold", i => Clean(examples[i].Page, LineCleaning.Combined, kFold[i])),
            ("classifier, shipped (in-sample)", i => Clean(examples[i].Page, LineCleaning.Classifier, shipped)),
            ("clean input: rules only", i => Clean(examples[i].Page with { Dump = LineExamples.Cleaned(examples[i].Page.Truth) }, LineCleaning.Rules, shipped)),
            ("clean input: classifier+rules, 5-f", i => Clean(examples[i].Page with { Dump = LineExamples.Cleaned(examples[i].Page.Truth) }, LineCleaning.Combined, kFold[i])),
        };

        Console.WriteLine(DumpTitles.Report(examples.Select(e => e.Page).ToList(), kFold));
        var tsvPath = Path.Combine(Path.GetTempPath(), "storyline-bench", "plaintext.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(tsvPath)!);
        var perPage = new string[examples.Count][];
        for (var v = 0; v < variants.Count; v++)
        {
            var texts = new string[examples.Count];
            Parallel.For(0, examples.Count, i => texts[i] = variants[v].Text(i));
            var (summary, f1s) = Score(examples, texts);
            Console.WriteLine($"{variants[v].Name,-34} {summary}");
            for (var i = 0; i < examples.Count; i++)
            {
                perPage[i] ??= new string[variants.Count];
                perPage[i][v] = f1s[i].ToString("F4", CultureInfo.InvariantCulture);
            }
        }

        var lines = new List<string> { "set\tid\t" + string.Join('\t', variants.Select(v => v.Name)) };
        lines.AddRange(examples.Select((e, i) => $"{e.Page.Set}\t{e.Page.Id}\t{string.Join('\t', perPage[i])}"));
        File.WriteAllLines(tsvPath, lines, new UTF8Encoding(false));
        Console.WriteLine($"per-page F1: {tsvPath}");
        return 0;
    }

    /// <summary><c>train-boilerplate</c>: picks the smoothing by 5-fold CV (classifier + rules, as shipped), fits on all pages, writes the weights.</summary>
    public static int Train(string evalRoot, string[] args)
    {
        var weightAt = Array.IndexOf(args, "--clean-weight");
        if (weightAt >= 0 && weightAt + 1 < args.Length)
        {
            LineExamples.CleanWeight = double.Parse(args[weightAt + 1], CultureInfo.InvariantCulture);
        }

        var examples = LineExamples.Of(DumpCorpus.Load(evalRoot));
        var best = (Smoothing: 0.0, Score: double.MinValue);
        foreach (var smoothing in SmoothingGrid)
        {
            var models = KFold(examples, smoothing);
            var texts = new string[examples.Count];
            Parallel.For(0, examples.Count, i => texts[i] = Clean(examples[i].Page, LineCleaning.Combined, models[i]));
            var (summary, _) = Score(examples, texts, out var combined);
            Console.WriteLine(Inv($"smoothing {smoothing:F2}, 5-fold: {summary}"));
            if (combined > best.Score)
            {
                best = (smoothing, combined);
            }
        }

        var fitted = LineModelTrainer.Fit(examples);
        var model = new LineModel(fitted.Bias, [.. fitted.Weights], best.Smoothing);
        Console.WriteLine(Inv($"smoothing {best.Smoothing:F2}; weights written to {LineModelWriter.Write(model)}"));
        return 0;
    }

    /// <summary><c>plaintext --explain FILE</c>: each line's log-odds under the shipped model and its largest contributions.</summary>
    public static int Explain(string path)
    {
        var blocks = TextBoilerplate.Blocks(File.ReadAllText(path));
        var title = ArticleExtractor.TakeTitle(new RawDocument { Source = path, Format = DocumentFormat.PlainText, Content = "" }, blocks);
        var features = LineFeatures.Compute(blocks, title);
        var lines = blocks.SelectMany(b => b).ToList();
        var model = LineModel.Default;
        var body = model.Body(features);
        for (var i = 0; i < lines.Count; i++)
        {
            var top = Enumerable.Range(0, features[i].Length).Select(j => (Name: LineFeatures.Names[j], C: model.Weights[j] * features[i][j]))
                .OrderByDescending(x => Math.Abs(x.C)).Take(5).Select(x => Inv($"{x.Name} {x.C:+0.0;-0.0}"));
            Console.WriteLine(Inv($"{(body[i] ? "BODY  " : "chrome")} {model.LogOdds(features[i]),6:F2}  {lines[i][..Math.Min(60, lines[i].Length)],-60}  {string.Join(", ", top)}"));
        }

        return 0;
    }

    private static LineModel[] CrossSet(List<LineExamples> examples, double smoothing)
    {
        var bySet = examples.Select(e => e.Page.Set).Distinct().ToDictionary(s => s, s => WithSmoothing(LineModelTrainer.Fit(examples.Where(e => e.Page.Set != s).ToList()), smoothing));
        return examples.Select(e => bySet[e.Page.Set]).ToArray();
    }

    private static LineModel[] KFold(List<LineExamples> examples, double smoothing)
    {
        var models = new LineModel[Folds];
        for (var f = 0; f < Folds; f++)
        {
            models[f] = WithSmoothing(LineModelTrainer.Fit(examples.Where((_, i) => i % Folds != f).ToList()), smoothing);
        }

        return examples.Select((_, i) => models[i % Folds]).ToArray();
    }

    private static LineModel WithSmoothing(LineModel model, double smoothing) => new(model.Bias, [.. model.Weights], smoothing);

    private static string Clean(DumpPage page, LineCleaning cleaning, LineModel model)
    {
        var result = ArticleExtractor.ExtractText(new RawDocument { Source = page.Id, Format = DocumentFormat.PlainText, Content = page.Dump, ExternalId = page.Id }, cleaning, model);
        return result.Article?.Text ?? "";
    }

    private static (string Summary, double[] F1) Score(List<LineExamples> examples, string[] texts) => Score(examples, texts, out _);

    /// <summary>The README's metrics per set; <paramref name="combined"/> is the mean of the two F1s (for model selection).</summary>
    private static (string Summary, double[] F1) Score(List<LineExamples> examples, string[] texts, out double combined)
    {
        var f1s = new double[examples.Count];
        var aeb = new List<ExtractionMetrics.Shares>();
        var wcxb = new List<(double P, double R, double F)>();
        int withFound = 0, withTotal = 0, withoutAvoided = 0, withoutTotal = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            var page = examples[i].Page;
            if (page.Set == "aeb")
            {
                var s = ExtractionMetrics.Shingles(texts[i], page.Truth);
                aeb.Add(s);
                var p = s.Tp + s.Fp > 0 ? s.Tp / (s.Tp + s.Fp) : 0;
                var r = s.Tp + s.Fn > 0 ? s.Tp / (s.Tp + s.Fn) : 0;
                f1s[i] = p + r > 0 ? 2 * p * r / (p + r) : 0;
                continue;
            }

            var bag = ExtractionMetrics.BagOfWords(texts[i], page.Truth);
            wcxb.Add(bag);
            f1s[i] = bag.F1;
            var form = ExtractionMetrics.SnippetForm(texts[i]);
            withFound += page.With.Count(s => ExtractionMetrics.ContainsSnippet(form, s));
            withTotal += page.With.Count;
            withoutAvoided += page.Without.Count(s => !ExtractionMetrics.ContainsSnippet(form, s));
            withoutTotal += page.Without.Count;
        }

        var (ap, ar, af) = ExtractionMetrics.AebScore(aeb);
        var wf = wcxb.Count > 0 ? wcxb.Average(x => x.F) : 0;
        combined = (af + wf) / 2;
        return (Inv($"aeb F1 {af:F4} (P {ap:F4} R {ar:F4})  wcxb F1 {wf:F4} (P {(wcxb.Count > 0 ? wcxb.Average(x => x.P) : 0):F4} R {(wcxb.Count > 0 ? wcxb.Average(x => x.R) : 0):F4}) with {(double)withFound / Math.Max(1, withTotal):F3} without {(double)withoutAvoided / Math.Max(1, withoutTotal):F3}"), f1s);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

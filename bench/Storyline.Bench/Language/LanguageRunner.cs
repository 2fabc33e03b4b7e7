using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Storyline.Extraction.Language;

namespace Storyline.Bench.Language;

/// <summary>
/// <c>train-language</c> writes <c>models/language-udhr.bin</c> from every UDHR article;
/// <c>language</c> trains on two thirds of the articles and scores snippets of the other third
/// (articles 3, 6, …, 30) at several lengths, against the function-word identifier it replaced.
/// </summary>
internal static class LanguageRunner
{
    private static readonly int[] Lengths = [30, 60, 150, 400];

    private static readonly (string A, string B)[] Confusable =
        [("es", "pt"), ("es", "ca"), ("pt", "ca"), ("cs", "sk"), ("da", "no"), ("sv", "no"), ("id", "ms"), ("ru", "uk"), ("ru", "bg"), ("uk", "be"), ("bg", "mk"), ("hi", "mr"), ("hi", "ne"), ("mr", "ne"), ("hr", "sr"), ("hr", "sl"), ("ar", "fa"), ("fa", "ur")];

    private static readonly string[] SpeedLanguages = ["en", "de", "ru", "ar", "hi", "vi"];

    private static bool HeldOut(int article) => article > 0 && article % 3 == 0;

    /// <summary>Trains on all of the corpus and writes the model file (default <c>models/language-udhr.bin</c>).</summary>
    public static void Train(string udhrRoot, string? output)
    {
        var corpus = UdhrCorpus.Load(udhrRoot);
        var model = LanguageTrainer.Train(corpus.Select(d => (d.Language, d.Text(_ => true))));
        var path = output ?? Path.Combine(ModelWriter.RepositoryRoot(), "models", "language-udhr.bin");
        using (var file = File.Create(path))
        {
            model.Write(file);
        }

        var bytes = File.ReadAllBytes(path);
        Console.WriteLine($"top-K {LanguageTrainer.TopK}, alpha {LanguageTrainer.Alpha.ToString(CultureInfo.InvariantCulture)}");
        foreach (var group in model.Groups)
        {
            Console.WriteLine($"  {group.Script,-10} {group.Languages.Length,2} languages ({string.Join(' ', group.Languages)}), {group.Keys.Length} n-grams, {group.Weights.Length} entries");
        }

        Console.WriteLine($"written to {path}: {bytes.Length:N0} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
    }

    /// <summary>The five best languages for <paramref name="text"/> by the shipped model, with their scores in nats (everything read).</summary>
    public static void Explain(string text)
    {
        var profiles = LanguageModel.Shipped.For(LanguageTrainer.DominantScript(text));
        if (profiles is null)
        {
            Console.WriteLine($"no n-gram profiles for {LanguageTrainer.DominantScript(text)}; identified: {LanguageIdentifier.Identify(text) ?? "?"}");
            return;
        }

        var scores = new long[profiles.Languages.Length];
        var kept = new int[profiles.Languages.Length];
        var (read, known) = profiles.Score(text, scores, kept);
        Console.WriteLine($"identified: {LanguageIdentifier.Identify(text) ?? "?"}; {read} n-grams read, {known} known");
        foreach (var (language, score, count) in profiles.Languages.Zip(scores, kept).OrderByDescending(x => x.Second).Take(5))
        {
            Console.WriteLine(Inv($"  {language}  {score * NgramProfiles.Step:F1} nats, keeps {(double)count / Math.Max(1, read):P0} of the n-grams"));
        }
    }

    /// <summary>Held-out accuracy by language and snippet length, confusions, and speed.</summary>
    public static void Evaluate(string udhrRoot)
    {
        var corpus = UdhrCorpus.Load(udhrRoot);
        var heldOutModel = RoundTrip(LanguageTrainer.Train(corpus.Select(d => (d.Language, d.Text(a => !HeldOut(a))))));
        var languages = corpus.Select(d => d.Language).Distinct().Order(StringComparer.Ordinal).ToList();
        var oldLanguages = languages.Where(FunctionWordIdentifier.Knows).ToHashSet();
        var tests = corpus.GroupBy(d => d.Language).ToDictionary(g => g.Key, g => string.Join('\n', g.Select(d => d.Text(HeldOut))));
        Func<string, string?>[] identifiers = [FunctionWordIdentifier.Identify, s => LanguageIdentifier.Identify(s, heldOutModel)];

        Console.WriteLine($"UDHR held-out articles (3, 6, … 30), trained on the rest; {languages.Count} languages, {oldLanguages.Count} known to the old identifier; top-K {LanguageTrainer.TopK}");
        Console.WriteLine("accuracy (unsure counts as wrong), macro-averaged over languages: old function words / new n-grams");
        Console.WriteLine($"length  snippets  old ({oldLanguages.Count} langs)  new (same)  new (all {languages.Count})  new-unsure");
        var results = new Dictionary<(int Length, string Language), (int Total, int[] Right, List<string?> NewAnswers)>();
        foreach (var length in Lengths)
        {
            foreach (var language in languages)
            {
                var snippets = Snippets(tests[language], length).ToList();
                var right = new int[identifiers.Length];
                var answers = new List<string?>();
                foreach (var snippet in snippets)
                {
                    for (var i = 0; i < identifiers.Length; i++)
                    {
                        var answer = identifiers[i](snippet);
                        right[i] += answer == language ? 1 : 0;
                        if (i == 1)
                        {
                            answers.Add(answer);
                        }
                    }
                }

                results[(length, language)] = (snippets.Count, right, answers);
            }

            double Macro(IEnumerable<string> set, int i) => set.Average(l => (double)results[(length, l)].Right[i] / Math.Max(1, results[(length, l)].Total));
            var unsure = languages.Average(l => (double)results[(length, l)].NewAnswers.Count(a => a is null) / Math.Max(1, results[(length, l)].Total));
            Console.WriteLine(Inv($"{length,6}  {languages.Sum(l => results[(length, l)].Total),8}  {Macro(oldLanguages, 0),14:F3}  {Macro(oldLanguages, 1),10:F3}  {Macro(languages, 1),14:F3}  {unsure,10:F3}"));
        }

        Console.WriteLine();
        Console.WriteLine("per language, accuracy old / new at 30, 60, 150 and 400 chars (in brackets: snippets of 150 chars; '-' the old identifier lacks the language)");
        foreach (var language in languages)
        {
            var cells = Lengths.Select(n => results[(n, language)]).Select(r => Inv($"{(oldLanguages.Contains(language) ? ((double)r.Right[0] / Math.Max(1, r.Total)).ToString("F2", CultureInfo.InvariantCulture) : "  - ")} / {(double)r.Right[1] / Math.Max(1, r.Total):F2}"));
            Console.WriteLine($"  {language}  {string.Join("   ", cells)}  ({results[(150, language)].Total})");
        }

        Console.WriteLine();
        Console.WriteLine("confusable pairs, new identifier: snippets of A called B + of B called A, at each length");
        foreach (var (a, b) in Confusable)
        {
            var cells = Lengths.Select(n => results[(n, a)].NewAnswers.Count(x => x == b) + results[(n, b)].NewAnswers.Count(x => x == a));
            Console.WriteLine($"  {a}/{b}  {string.Join("  ", cells.Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(3)))}   of {string.Join("  ", Lengths.Select(n => (results[(n, a)].Total + results[(n, b)].Total).ToString(CultureInfo.InvariantCulture).PadLeft(3)))}");
        }

        Console.WriteLine();
        Console.WriteLine("most frequent errors at 60 chars (new): " + string.Join(", ", languages
            .SelectMany(l => results[(60, l)].NewAnswers.Where(x => x != l).Select(x => $"{l}->{x ?? "?"}"))
            .GroupBy(x => x).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(15).Select(g => $"{g.Key} {g.Count()}")));
        Unmodelled(udhrRoot, heldOutModel, tests);
        Speed(tests);
    }

    /// <summary>
    /// How much of a snippet's n-grams the winning language keeps, for held-out text of modelled languages
    /// and for declarations in languages the model lacks (written in one of its scripts), and how often
    /// the identifier names a language for the latter.
    /// </summary>
    private static void Unmodelled(string udhrRoot, LanguageModel model, Dictionary<string, string> tests)
    {
        var others = UdhrCorpus.LoadOthers(udhrRoot).Where(d => model.For(LanguageTrainer.DominantScript(d.Text(_ => true))) is not null).ToList();
        var modelled = tests.Where(t => model.For(LanguageTrainer.DominantScript(t.Value)) is not null).ToList();
        Console.WriteLine();
        Console.WriteLine(Inv($"coverage (share of n-grams the winner keeps): {modelled.Count} modelled languages (held-out) vs {others.Count} UDHR declarations in other languages of the same scripts, the identifier asks for {LanguageIdentifier.MinCoverage}"));
        foreach (var length in new[] { 60, 150, 400 })
        {
            var inside = modelled.SelectMany(t => Snippets(t.Value, length)).Select(s => Coverage(s, model)).Order().ToList();
            var outside = others.SelectMany(d => Snippets(d.Text(HeldOut), length)).ToList();
            var outsideCoverage = outside.Select(s => Coverage(s, model)).Order().ToList();
            var named = outside.Count(s => LanguageIdentifier.Identify(s, model) is not null);
            Console.WriteLine(Inv($"  {length,3} chars: modelled p1 {Quantile(inside, 0.01):F2} p5 {Quantile(inside, 0.05):F2} p50 {Quantile(inside, 0.5):F2} | other p50 {Quantile(outsideCoverage, 0.5):F2} p95 {Quantile(outsideCoverage, 0.95):F2} | other snippets given a language {named} of {outside.Count}"));
        }
    }

    private static double Coverage(string snippet, LanguageModel model)
    {
        var profiles = model.For(LanguageTrainer.DominantScript(snippet));
        if (profiles is null)
        {
            return double.NaN;
        }

        var scores = new long[profiles.Languages.Length];
        var kept = new int[profiles.Languages.Length];
        var (read, _) = profiles.Score(snippet, scores, kept);
        return (double)kept[Array.IndexOf(scores, scores.Max())] / Math.Max(1, read);
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];

    /// <summary>Microseconds an identification of a 3,000-character text (the sample size), old and new.</summary>
    private static void Speed(Dictionary<string, string> tests)
    {
        var texts = SpeedLanguages.Select(l => string.Concat(Enumerable.Repeat(tests[l], 4))[..3000]).ToArray();
        foreach (var (name, identify) in new (string, Func<string, string?>)[] { ("old function words", FunctionWordIdentifier.Identify), ("new n-grams", LanguageIdentifier.Identify) })
        {
            for (var warm = 0; warm < 200; warm++)
            {
                identify(texts[warm % texts.Length]);
            }

            const int runs = 3000;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                identify(texts[i % texts.Length]);
            }

            Console.WriteLine(Inv($"speed, {name}: {clock.Elapsed.TotalMicroseconds / runs:F1} µs a 3,000-character text (en de ru ar hi vi, one thread)"));
        }
    }

    /// <summary>Consecutive pieces of about <paramref name="length"/> characters, cut at spaces.</summary>
    private static IEnumerable<string> Snippets(string text, int length)
    {
        text = text.Replace('\n', ' ');
        for (var start = 0; start + length <= text.Length;)
        {
            var end = text.LastIndexOf(' ', start + length - 1, length);
            end = end > start + (length / 2) ? end : start + length;
            yield return text[start..end].Trim();
            start = end;
        }
    }

    private static LanguageModel RoundTrip(LanguageModel model)
    {
        using var buffer = new MemoryStream();
        model.Write(buffer);
        buffer.Position = 0;
        return LanguageModel.Load(buffer);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

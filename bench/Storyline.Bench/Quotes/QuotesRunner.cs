using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyline.Analysis.Quotes;

namespace Storyline.Bench.Quotes;

/// <summary>
/// Scores the quote extractor on PolNeAR (eval README): a predicted content matches a gold one when the
/// share of the gold content's tokens (Unicode <c>\w+</c> runs) inside the prediction is at least 0.5
/// (one-to-one, best overlap first), and, stricter, when the spans are identical; speaker accuracy is the
/// share of overlap-matched contents whose predicted speaker mention overlaps a gold source span (a gold
/// attribution without a source is right only when no speaker is predicted). A prediction is the union of
/// the quotes sharing one cue ("“…,” he said, “…”" is one attribution, as PolNeAR annotates it; a partial
/// quote inside indirect speech shares the cue of its clause, so it is scored with it).
/// </summary>
internal static partial class QuotesRunner
{
    public static void Run(string eval, IReadOnlyList<string> args)
    {
        var split = args.Contains("--train") ? "train" : "dev";
        var errors = args.SkipWhile(a => a != "--errors").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault();
        var path = Path.Combine(eval, "quotes", $"polnear-{split}.jsonl");
        var articles = File.ReadLines(path).Select(Parse).ToList();
        var watch = Stopwatch.StartNew();
        var stances = !args.Contains("--no-stances");
        var extractor = stances ? QuoteExtractor.Default : new QuoteExtractor(Storyline.Analysis.Entities.EntityRecognizer.Default, includeStances: false);
        var predictions = articles.Select(a => extractor.Extract(a.Text)).ToList();
        var seconds = watch.Elapsed.TotalSeconds;

        var total = new Tally();
        var shown = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            var tally = Score(articles[i], predictions[i], shown < errors ? Console.Out : null);
            shown += tally.Gold - tally.Matched + tally.Predicted - tally.Matched;
            total.Add(tally);
        }

        Console.WriteLine($"PolNeAR {split}{(stances ? string.Empty : " (--no-stances)")}: {articles.Count} articles, {total.Gold} gold attributions (with content), {total.Predicted} predicted");
        Console.WriteLine($"content, token overlap >= 0.5: {Prf(total.Matched, total.Predicted, total.Gold)}");
        Console.WriteLine($"content, exact span:           {Prf(total.Exact, total.Predicted, total.Gold)}");
        Console.WriteLine($"speaker accuracy (of {total.Matched} overlap-matched): {Ratio(total.SpeakerRight, total.Matched)}"
            + $"; of the {total.MatchedWithSource} with a gold source: {Ratio(total.SpeakerRightWithSource, total.MatchedWithSource)}");
        Console.WriteLine($"direct (gold has quote marks): recall {Ratio(total.MatchedQuoted, total.GoldQuoted)} of {total.GoldQuoted}");
        Console.WriteLine($"speaker errors by kind ({total.Matched - total.SpeakerRight}; `--errors N` lists them): "
            + string.Join("; ", total.SpeakerErrors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} {e.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speed: {articles.Count / seconds:F0} articles/s (extraction with entity recognition, one thread)"));
    }

    internal static string Ratio(int a, int b) => b == 0 ? "n/a" : (a / (double)b).ToString("F3", CultureInfo.InvariantCulture);

    internal static string Prf(int matched, int predicted, int gold)
    {
        var p = predicted == 0 ? 0 : matched / (double)predicted;
        var r = gold == 0 ? 0 : matched / (double)gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return string.Create(CultureInfo.InvariantCulture, $"P {p:F3}  R {r:F3}  F1 {f:F3}  ({matched} matched)");
    }

    internal sealed class Tally
    {
        public int Gold { get; set; }
        public int Predicted { get; set; }
        public int Matched { get; set; }
        public int Exact { get; set; }
        public int SpeakerRight { get; set; }
        public int MatchedWithSource { get; set; }
        public int SpeakerRightWithSource { get; set; }
        public int GoldQuoted { get; set; }
        public int MatchedQuoted { get; set; }

        /// <summary>Speaker errors by kind (see <see cref="SpeakerErrorKind"/>), for the error analysis.</summary>
        public SortedDictionary<string, int> SpeakerErrors { get; } = new(StringComparer.Ordinal);

        public void AddSpeakerError(string kind) => SpeakerErrors[kind] = SpeakerErrors.GetValueOrDefault(kind) + 1;

        public void Add(Tally o)
        {
            foreach (var (kind, count) in o.SpeakerErrors)
            {
                SpeakerErrors[kind] = SpeakerErrors.GetValueOrDefault(kind) + count;
            }

            Gold += o.Gold;
            Predicted += o.Predicted;
            Matched += o.Matched;
            Exact += o.Exact;
            SpeakerRight += o.SpeakerRight;
            MatchedWithSource += o.MatchedWithSource;
            SpeakerRightWithSource += o.SpeakerRightWithSource;
            GoldQuoted += o.GoldQuoted;
            MatchedQuoted += o.MatchedQuoted;
        }
    }

    internal sealed record Span(int Start, int End);

    internal sealed record Gold(Span[] Source, Span[] Cue, Span[] Content, bool Quoted);

    internal sealed record Article(string Id, string Text, Gold[] Attributions);

    private sealed record Predicted(Span[] Content, Span? Speaker);

    internal static Article Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var attributions = root.GetProperty("attributions").EnumerateArray().Select(a => new Gold(
            Spans(a.GetProperty("source")),
            Spans(a.GetProperty("cue")),
            Spans(a.GetProperty("content")),
            a.TryGetProperty("has_quote_marks", out var q) && q.ValueKind == JsonValueKind.True)).Where(g => g.Content.Length > 0).ToArray();
        return new Article(root.GetProperty("id").ToString(), root.GetProperty("text").GetString()!, attributions);

        static Span[] Spans(JsonElement array) => [.. array.EnumerateArray().Select(s => new Span(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))];
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordRun();

    /// <summary>For each quote, whether the prediction it belongs to (the quotes sharing its cue) matches a gold content, one-to-one as scored (and, if <paramref name="requireSpeaker"/>, names its speaker right).</summary>
    internal static bool[] Labels(Article article, IReadOnlyList<Quote> quotes, bool requireSpeaker)
    {
        var labels = new bool[quotes.Count];
        var groups = Enumerable.Range(0, quotes.Count).GroupBy(i => quotes[i].CueStart is { } c ? (object)c : quotes[i]).ToList();
        var words = WordRun().Matches(article.Text).Select(m => (m.Index, End: m.Index + m.Length)).ToArray();
        var goldTokens = article.Attributions.Select(g => TokensIn(words, g.Content)).ToArray();
        var predTokens = groups.Select(g => TokensIn(words, [.. g.Select(i => new Span(quotes[i].Start, quotes[i].End))])).ToArray();
        var pairs = new List<(double Overlap, int Gold, int Pred)>();
        for (var g = 0; g < goldTokens.Length; g++)
        {
            for (var p = 0; p < predTokens.Length && goldTokens[g].Count > 0; p++)
            {
                var overlap = goldTokens[g].Count(predTokens[p].Contains) / (double)goldTokens[g].Count;
                if (overlap >= 0.5)
                {
                    pairs.Add((overlap, g, p));
                }
            }
        }

        var goldUsed = new bool[goldTokens.Length];
        var predUsed = new bool[predTokens.Length];
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.Overlap))
        {
            if (!goldUsed[g] && !predUsed[p])
            {
                goldUsed[g] = predUsed[p] = true;
                var first = quotes[groups[p].First()];
                var source = article.Attributions[g].Source;
                var speakerRight = source.Length == 0
                    ? first.SpeakerStart is null
                    : first.SpeakerStart is { } s && source.Any(x => x.Start < first.SpeakerEnd!.Value && s < x.End);
                foreach (var i in groups[p])
                {
                    labels[i] = speakerRight || !requireSpeaker;
                }
            }
        }

        return labels;
    }

    internal static Tally Score(Article article, IReadOnlyList<Quote> quotes, TextWriter? log)
    {
        var words = WordRun().Matches(article.Text).Select(m => (m.Index, End: m.Index + m.Length)).ToArray();
        var predicted = quotes.GroupBy(q => q.CueStart is { } c ? (object)c : q)
            .Select(g => new Predicted([.. g.Select(q => new Span(q.Start, q.End))], g.First().SpeakerStart is { } s ? new Span(s, g.First().SpeakerEnd!.Value) : null))
            .ToList();

        var goldTokens = article.Attributions.Select(g => TokensIn(words, g.Content)).ToArray();
        var predTokens = predicted.Select(p => TokensIn(words, p.Content)).ToArray();
        var pairs = new List<(double Overlap, int Gold, int Pred)>();
        for (var g = 0; g < goldTokens.Length; g++)
        {
            if (goldTokens[g].Count == 0)
            {
                continue;
            }

            for (var p = 0; p < predTokens.Length; p++)
            {
                var shared = goldTokens[g].Count(predTokens[p].Contains);
                var overlap = shared / (double)goldTokens[g].Count;
                if (overlap >= 0.5)
                {
                    pairs.Add((overlap, g, p));
                }
            }
        }

        var tally = new Tally { Gold = article.Attributions.Length, Predicted = predicted.Count, GoldQuoted = article.Attributions.Count(a => a.Quoted) };
        var goldUsed = new bool[goldTokens.Length];
        var predUsed = new bool[predTokens.Length];
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.Overlap))
        {
            if (goldUsed[g] || predUsed[p])
            {
                continue;
            }

            goldUsed[g] = predUsed[p] = true;
            var gold = article.Attributions[g];
            var pred = predicted[p];
            tally.Matched++;
            tally.MatchedQuoted += gold.Quoted ? 1 : 0;
            if (gold.Content.OrderBy(s => s.Start).SequenceEqual(pred.Content.OrderBy(s => s.Start)))
            {
                tally.Exact++;
            }

            var right = gold.Source.Length == 0
                ? pred.Speaker is null
                : pred.Speaker is { } sp && gold.Source.Any(s => s.Start < sp.End && sp.Start < s.End);
            tally.SpeakerRight += right ? 1 : 0;
            if (gold.Source.Length > 0)
            {
                tally.MatchedWithSource++;
                tally.SpeakerRightWithSource += right ? 1 : 0;
            }

            if (!right)
            {
                tally.AddSpeakerError(SpeakerErrorKind(article.Text, gold.Source, pred.Speaker));
            }

            if (!right && log is not null)
            {
                log.WriteLine($"[speaker] {article.Id}: gold {Show(article.Text, gold.Source)} pred {(pred.Speaker is { } s ? Show(article.Text, [s]) : "-")} :: {Show(article.Text, gold.Content)}");
            }
        }

        if (log is not null)
        {
            for (var g = 0; g < goldUsed.Length; g++)
            {
                if (!goldUsed[g])
                {
                    var gold = article.Attributions[g];
                    var overlaps = predTokens.Select(p => goldTokens[g].Count == 0 ? 0 : goldTokens[g].Count(p.Contains) / (double)goldTokens[g].Count).ToList();
                    var closest = overlaps.DefaultIfEmpty(0).Max();
                    var taken = closest >= 0.5 ? " taken by: " + Show(article.Text, predicted[overlaps.IndexOf(closest)].Content) : string.Empty;
                    log.WriteLine($"[miss] {article.Id} (closest {closest.ToString("F2", CultureInfo.InvariantCulture)}{taken}): {Show(article.Text, gold.Source)} [{Show(article.Text, gold.Cue)}] :: {Show(article.Text, gold.Content)}");
                }
            }

            for (var p = 0; p < predUsed.Length; p++)
            {
                if (!predUsed[p])
                {
                    log.WriteLine($"[false] {article.Id}: {(predicted[p].Speaker is { } s ? Show(article.Text, [s]) : "-")} :: {Show(article.Text, predicted[p].Content)}");
                }
            }
        }

        return tally;
    }

    /// <summary>What kind of speaker error a matched attribution has: no gold source, none predicted, a pronoun on either side, a fragment, or another mention.</summary>
    private static string SpeakerErrorKind(string text, Span[] gold, Span? predicted)
    {
        if (gold.Length == 0)
        {
            return "gold has no source, one predicted";
        }

        if (predicted is not { } p)
        {
            return "gold has a source, none predicted";
        }

        var words = text[p.Start..p.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        string[] pronouns = ["he", "she", "they", "it", "we", "i", "who", "which"];
        if (words.Length == 1 && pronouns.Contains(first))
        {
            return "predicted a pronoun, gold another mention";
        }

        if (gold.Any(g => pronouns.Contains(text[g.Start..g.End].Trim().ToLowerInvariant())))
        {
            return "gold a pronoun, predicted another mention";
        }

        return words.Length > 6 ? "predicted a long phrase" : char.IsLower(text[p.Start]) ? "predicted a description" : "predicted another name";
    }

    private static string Show(string text, Span[] spans) =>
        spans.Length == 0 ? "-" : string.Join(" | ", spans.Select(s => text[s.Start..s.End].ReplaceLineEndings(" ")));

    private static HashSet<int> TokensIn((int Start, int End)[] words, Span[] spans)
    {
        var set = new HashSet<int>();
        foreach (var span in spans)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Start >= span.Start && words[i].End <= span.End)
                {
                    set.Add(i);
                }
            }
        }

        return set;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Analysis;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Analysis.Sources;
using Storyline.Analysis.Text;

namespace Storyline.Bench.Analysis;

/// <summary>
/// <c>analysis</c>: articles per second through the whole Analysis stage as ingest runs it
/// (<see cref="ArticleAnalysis.Of"/>: tokenise and split, entities, cited sources, quotes), on one thread
/// and on all cores, with the time of each part on one thread. Texts are allsides-train article bodies.
/// </summary>
internal static class AnalysisThroughput
{
    /// <summary>
    /// With <paramref name="part"/>, runs only that part, once, on one thread: a steady workload for
    /// <c>perf stat -e instructions:u,cycles:u</c>, whose counts depend little on what else the machine is doing.
    /// </summary>
    public static string Run(string allSides, string? part = null, int rounds = 3)
    {
        var texts = LoadTexts(allSides);
        if (part is not null)
        {
            return RunPart(texts, part);
        }

        var characters = texts.Sum(t => (long)t.Length);

        // Warm up: models load and the JIT settles before anything is timed.
        foreach (var text in texts.Take(200))
        {
            ArticleAnalysis.Of(text);
        }

        var whole = Best(rounds, () => Each(texts, t => ArticleAnalysis.Of(t)));
        var pausedBefore = GC.GetTotalPauseDuration();
        var parallel = Best(rounds, () => Parallel.ForEach(texts, t => ArticleAnalysis.Of(t)));
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds / rounds;
        var split = texts.Select(SentenceSplitter.Split).ToArray();
        var splitting = Best(rounds, () => Each(texts, t => SentenceSplitter.Split(t)));
        var mentions = new IReadOnlyList<EntityMention>[texts.Count];
        var recognising = Best(rounds, () =>
        {
            for (var i = 0; i < texts.Count; i++)
            {
                mentions[i] = EntityRecognizer.Default.Recognize(texts[i], split[i].Tokens, split[i].Sentences);
            }
        });
        var tagging = Best(rounds, () => Tag(texts, split));
        var sources = Best(rounds, () => Each(texts, t => SourceFinder.Find(t)));
        var quoting = Best(rounds, () =>
        {
            for (var i = 0; i < texts.Count; i++)
            {
                QuoteExtractor.Extract(texts[i], split[i].Tokens, split[i].Sentences, mentions[i], includeStances: false);
            }
        });

        var n = texts.Count;
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"analysis stage (ArticleAnalysis.Of) on {n} allsides-train articles ({characters / 1e6:F1} M chars, {split.Sum(s => (long)s.Tokens.Length) / n} tokens an article), best of {rounds}:\n");
        report.Append(CultureInfo.InvariantCulture, $"  one thread: {n / whole:F0} articles/s ({whole * 1e3 / n:F2} ms an article)\n");
        report.Append(CultureInfo.InvariantCulture, $"  all cores ({Environment.ProcessorCount}): {n / parallel:F0} articles/s (garbage collection pauses {paused * 1e3 / n:F3} ms an article, {paused / parallel:P0} of the time)\n");
        report.Append(CultureInfo.InvariantCulture, $"  parts, one thread, ms an article: tokenise+split {splitting * 1e3 / n:F3}, entities {recognising * 1e3 / n:F3} (of which tagger {tagging * 1e3 / n:F3}), sources {sources * 1e3 / n:F3}, quotes {quoting * 1e3 / n:F3}");
        return report.ToString();
    }

    private static string RunPart(List<string> texts, string part)
    {
        var split = texts.Select(SentenceSplitter.Split).ToArray();
        var watch = Stopwatch.StartNew();
        switch (part)
        {
            case "none":
                break;
            case "load":
                _ = EntityRecognizer.Default;
                break;
            case "tagger":
                Tag(texts, split);
                break;
            case "entities":
                for (var i = 0; i < texts.Count; i++)
                {
                    EntityRecognizer.Default.Recognize(texts[i], split[i].Tokens, split[i].Sentences);
                }

                break;
            case "news-rules":
                return NewsRulesAlone(texts, split);
            case "near-capitals":
                return NearCapitals(texts, split);
            case "tagger-ab":
                return TaggerAb(texts, split);
            case "all":
                Each(texts, t => ArticleAnalysis.Of(t));
                break;
            default:
                throw new ArgumentException($"unknown part '{part}': none | load | tagger | tagger-ab | near-capitals | news-rules | entities | all");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{part}: {texts.Count} articles in {watch.Elapsed.TotalSeconds:F2} s (first call included)");
    }

    /// <summary>
    /// The entity recogniser's news rules alone (<see cref="NewsRules.Apply"/>) on the tagger's output, computed
    /// first: median of 9 rounds, ms an article, and a checksum of the mentions (to compare builds).
    /// </summary>
    private static string NewsRulesAlone(List<string> texts, (Token[] Tokens, Sentence[] Sentences)[] split)
    {
        var recognizer = EntityRecognizer.Default;
        var found = texts.Select((t, i) => recognizer.Tag(t, split[i].Tokens, split[i].Sentences)).ToArray();
        var times = new List<double>();
        var checksum = 0L;
        for (var round = 0; round < 10; round++)
        {
            checksum = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < texts.Count; i++)
            {
                foreach (var m in NewsRules.Apply(texts[i], split[i].Tokens, split[i].Sentences, [.. found[i]], recognizer.Model.Gazetteer))
                {
                    checksum = (checksum * 31) + m.Start + (m.End * 7) + (int)m.Type + (long)FeatureHash.Of(m.Canonical, false) + (long)FeatureHash.Of(m.Text, false);
                }
            }

            if (round > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds / texts.Count);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"news rules alone: median {times.Order().ElementAt(times.Count / 2):F4} ms an article (rounds {string.Join(' ', times.Select(t => t.ToString("F4", CultureInfo.InvariantCulture)))}); mentions checksum {checksum}");
    }

    /// <summary>How many entity mentions change when tokens far from any capital are not scored (they are tagged O).</summary>
    private static string NearCapitals(List<string> texts, (Token[] Tokens, Sentence[] Sentences)[] split)
    {
        var near = EntityRecognizer.Default;
        var full = new EntityRecognizer(near.Model, onlyNearCapitals: false);
        long mentions = 0, lost = 0, gained = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var a = full.Recognize(texts[i], split[i].Tokens, split[i].Sentences).Select(m => (m.Start, m.End, m.Type, m.Canonical)).ToHashSet();
            var b = near.Recognize(texts[i], split[i].Tokens, split[i].Sentences).Select(m => (m.Start, m.End, m.Type, m.Canonical)).ToHashSet();
            mentions += a.Count;
            lost += a.Count(m => !b.Contains(m));
            gained += b.Count(m => !a.Contains(m));
        }

        return string.Create(CultureInfo.InvariantCulture, $"near-capitals: of {mentions} mentions (all tokens scored), {lost} differ or are missing and {gained} are new when only tokens near capitals are scored");
    }

    /// <summary>
    /// The tagger's emission scores with the per-word cache and without (every feature hashed and looked up),
    /// every token scored, in alternating rounds in one process so that a busy machine slows both alike; the
    /// median round of each in ms an article (wall and process CPU), the cache's hit rate, and whether the two
    /// gave the same scores to the bit.
    /// </summary>
    private static string TaggerAb(List<string> texts, (Token[] Tokens, Sentence[] Sentences)[] split, int rounds = 7)
    {
        var model = EntityRecognizer.Default.Model;
        var spans = split.Select(s => s.Tokens.Select(t => (t.Start, t.Length)).ToArray()).ToArray();
        var scratch = new NerModel.Scratch();
        var wall = new List<double>[] { [], [] };
        var cpu = new List<double>[] { [], [] };
        var checksums = new double[2];
        var process = Process.GetCurrentProcess();
        for (var round = 0; round <= rounds; round++)
        {
            for (var cached = 0; cached < 2; cached++)
            {
                var sum = 0.0;
                process.Refresh();
                var cpuStart = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < texts.Count; i++)
                {
                    foreach (var sentence in split[i].Sentences)
                    {
                        var tokens = spans[i].AsSpan(sentence.FirstToken, sentence.TokenCount);
                        var n = tokens.Length;
                        if (n == 0)
                        {
                            continue;
                        }

                        scratch.Ensure(n * model.TagCount);
                        var emissions = scratch.Scores.AsSpan(0, n * model.TagCount);
                        var scored = scratch.Scored(n);
                        scored.Fill(true);
                        var classes = scratch.Classes(n);
                        if (cached == 1)
                        {
                            model.Emissions(texts[i], tokens, scored, emissions, classes, scratch);
                        }
                        else
                        {
                            model.UncachedEmissions(texts[i], tokens, scored, emissions, classes, scratch);
                        }

                        sum += emissions[^1] + emissions[0];
                    }
                }

                watch.Stop();
                process.Refresh();
                checksums[cached] = sum;
                if (round > 0)
                {
                    // Round 0 warms up (JIT, caches).
                    wall[cached].Add(watch.Elapsed.TotalMilliseconds / texts.Count);
                    cpu[cached].Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds / texts.Count);
                }
            }
        }

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var hits = scratch.Words.Hits / (double)(scratch.Words.Hits + scratch.Words.Misses);
        return string.Create(CultureInfo.InvariantCulture, $"""
            tagger emissions, every token scored, median of {rounds} alternating rounds, ms an article (wall / process CPU):
              uncached {Median(wall[0]):F3} / {Median(cpu[0]):F3}
              cached   {Median(wall[1]):F3} / {Median(cpu[1]):F3}   (word cache {scratch.Words.Capacity} entries, hit rate {hits:P1})
              same scores: {checksums[0] == checksums[1]}; features {model.Index.Count}
            """);
    }

    /// <summary>
    /// The perceptron tagger alone (no news rules), sentence by sentence as the recogniser runs it: only tokens
    /// near capitals are scored, as the default recogniser does.
    /// </summary>
    private static void Tag(List<string> texts, (Token[] Tokens, Sentence[] Sentences)[] split)
    {
        var recognizer = EntityRecognizer.Default;
        var model = recognizer.Model;
        var scratch = new NerModel.Scratch();
        for (var i = 0; i < texts.Count; i++)
        {
            var (tokens, sentences) = split[i];
            var spans = tokens.Select(t => (t.Start, t.Length)).ToArray();
            var tags = new int[spans.Length];
            foreach (var sentence in sentences)
            {
                model.Predict(texts[i], spans.AsSpan(sentence.FirstToken, sentence.TokenCount), tags.AsSpan(sentence.FirstToken, sentence.TokenCount), scratch, recognizer.OnlyNearCapitals, NewsRules.QuietCapitals);
            }
        }
    }

    private static List<string> LoadTexts(string path)
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value)
            {
                texts.Add(value);
            }
        }

        return texts;
    }

    private static void Each(List<string> texts, Action<string> action)
    {
        foreach (var text in texts)
        {
            action(text);
        }
    }

    private static double Best(int rounds, Action action)
    {
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }
}

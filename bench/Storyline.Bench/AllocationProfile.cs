using System.Globalization;
using System.Text;
using Storyline.Analysis;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Analysis.Sources;
using Storyline.Analysis.Text;
using Storyline.Clustering;
using Storyline.Dedup;

namespace Storyline.Bench;

/// <summary>
/// <c>alloc</c>: bytes allocated and time taken per article by each step ingest runs, one thread, on allsides-train (or a JSONL
/// file): reading and extraction, content hash, MinHash, the analysis parts, and grouping's tokenising. Allocation
/// counts do not depend on the machine's load, so they guide allocation cuts where timings are too noisy.
/// </summary>
internal static class AllocationProfile
{
    public static string Run(string jsonl)
    {
        var pipeline = StorylinePipeline.Default;
        _ = pipeline.Extract([jsonl]).Count();  // warm-up: the JIT and the language model, not counted
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var articles = pipeline.Extract([jsonl]).Where(r => r.Article is { Paragraphs.Count: > 0 }).Select(r => r.Article!).ToList();
        var readingTime = clock.Elapsed.TotalMilliseconds;
        var reading = GC.GetAllocatedBytesForCurrentThread() - before;
        var texts = articles.Select(a => a.Text).ToList();

        // Warm up so that model loading and first-call caches are not counted.
        foreach (var text in texts.Take(50))
        {
            ArticleAnalysis.Of(text);
        }

        var rows = new List<(string Step, long Bytes, double Milliseconds)> { ("read + extract (all steps of Extract)", reading, readingTime) };
        void Measure(string step, Action<int> action)
        {
            var start = GC.GetAllocatedBytesForCurrentThread();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < texts.Count; i++)
            {
                action(i);
            }

            rows.Add((step, GC.GetAllocatedBytesForCurrentThread() - start, watch.Elapsed.TotalMilliseconds));
        }

        Measure("content hash", i => ContentHash.Compute(texts[i]));
        Measure("MinHash signature", i => MinHashSignature.Compute(texts[i]));
        Measure("analysis, whole (ArticleAnalysis.Of)", i => ArticleAnalysis.Of(texts[i]));
        var split = new (Token[] Tokens, Sentence[] Sentences)[texts.Count];
        Measure("  tokenise + split", i => split[i] = SentenceSplitter.Split(texts[i]));
        var mentions = new IReadOnlyList<EntityMention>[texts.Count];
        Measure("  entities", i => mentions[i] = EntityRecognizer.Default.Recognize(texts[i], split[i].Tokens, split[i].Sentences));
        Measure("  sources", i => SourceFinder.Find(texts[i]));
        Measure("  quotes", i => QuoteExtractor.Extract(texts[i], split[i].Tokens, split[i].Sentences, mentions[i], includeStances: false));
        var items = articles.Select((a, i) => new ClusterItem(i, a.Title, a.Text, a.Published?.Utc, a.Outlet, a.Url)).ToArray();
        Measure("grouping: tokenise (PreparedArticle.Prepare)", i => PreparedArticle.Prepare(items[i], ClusteringOptions.Default));
        Measure("grouping: undated-time term counts (per pass)", i => PreparedArticle.CombinedTermCounts(items[i], ClusteringOptions.Default));

        var n = texts.Count;
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"per article, one thread, {n} articles ({texts.Sum(t => (long)t.Length) * 2 / n / 1024.0:F1} KB of UTF-16 text an article): allocated, time (one pass, wall)\n");
        foreach (var (step, bytes, milliseconds) in rows)
        {
            report.Append(CultureInfo.InvariantCulture, $"  {step,-48} {bytes / (double)n / 1024,6:F1} KB  {milliseconds / n,6:F3} ms\n");
        }

        return report.ToString().TrimEnd();
    }
}

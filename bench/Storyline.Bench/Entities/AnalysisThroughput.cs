using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Sources;

namespace Storyline.Bench.Entities;

/// <summary>Articles per second through entity recognition and source finding (tokenising and sentence splitting included), on allsides-train texts.</summary>
internal static class AnalysisThroughput
{
    private static double Time(List<string> texts, Action<string> action)
    {
        var watch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            action(text);
        }

        return watch.Elapsed.TotalSeconds;
    }

    public static string Run(string allSides, int limit = 2000)
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(allSides))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value)
            {
                texts.Add(value);
            }

            if (texts.Count >= limit)
            {
                break;
            }
        }

        var recognizer = EntityRecognizer.Default;
        recognizer.Recognize(texts[0]);
        var characters = texts.Sum(t => (long)t.Length);
        var mentions = 0L;
        var sources = 0L;
        var watch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            mentions += recognizer.Recognize(text).Count;
            sources += SourceFinder.Find(text).Count;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var split = Time(texts, t => Storyline.Analysis.Text.SentenceSplitter.Split(t));
        var recognize = Time(texts, t => recognizer.Recognize(t));
        var find = Time(texts, t => SourceFinder.Find(t));
        var parallel = Stopwatch.StartNew();
        Parallel.ForEach(texts, text =>
        {
            recognizer.Recognize(text);
            SourceFinder.Find(text);
        });
        var parallelSeconds = parallel.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"analysis (entities + sources), one thread: {texts.Count} articles ({characters / 1e6:F1} M chars) in {seconds:F2} s = {texts.Count / seconds:F0} articles/s; {mentions} mentions, {sources} cited sources\n"
            + $"  of which: tokenise + split {texts.Count / split:F0} articles/s, entities {texts.Count / recognize:F0} articles/s, sources {texts.Count / find:F0} articles/s\n"
            + $"  all cores ({Environment.ProcessorCount}): {texts.Count / parallelSeconds:F0} articles/s");
    }
}

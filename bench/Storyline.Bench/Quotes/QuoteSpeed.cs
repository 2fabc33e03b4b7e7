using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Analysis.Text;

namespace Storyline.Bench.Quotes;

/// <summary>Milliseconds per article of the quote step alone (tokens, sentences and entity mentions computed beforehand), on allsides-train texts.</summary>
internal static class QuoteSpeed
{
    public static string Run(string allSides, int limit = 2000)
    {
        var inputs = File.ReadLines(allSides).Take(limit).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var text = document.RootElement.GetProperty("text").GetString() ?? string.Empty;
            var (tokens, sentences) = SentenceSplitter.Split(text);
            return (Text: text, Tokens: tokens, Sentences: sentences, Mentions: EntityRecognizer.Default.Recognize(text, tokens, sentences));
        }).ToList();

        var result = new List<string>();
        foreach (var stances in new[] { true, false })
        {
            foreach (var input in inputs.Take(50))
            {
                QuoteExtractor.Extract(input.Text, input.Tokens, input.Sentences, input.Mentions, stances);
            }

            // The best of five passes: the machine is shared, and the slower passes measure the neighbours.
            var quotes = 0L;
            var best = double.MaxValue;
            for (var pass = 0; pass < 5; pass++)
            {
                quotes = 0;
                var watch = Stopwatch.StartNew();
                foreach (var input in inputs)
                {
                    quotes += QuoteExtractor.Extract(input.Text, input.Tokens, input.Sentences, input.Mentions, stances).Count;
                }

                best = Math.Min(best, watch.Elapsed.TotalMilliseconds / inputs.Count);
            }

            result.Add(string.Create(CultureInfo.InvariantCulture,
                $"quotes{(stances ? string.Empty : " (no stances)")}: {inputs.Count} allsides articles, {best:F3} ms per article (best of 5 passes), {quotes} quotes"));
        }

        return string.Join(Environment.NewLine, result);
    }
}

using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Bench;

/// <summary>
/// Incremental ingest against ingest at once: allsides-train split in two (file order halves; a random half each, in
/// file order; the lines shuffled, then halved), ingested as one file and as two ingests one after the other, grouping
/// scored against the labels (B-cubed and pairwise over every article) with the share of stories that come out the same.
/// </summary>
internal static class IncrementalRunner
{
    public static string Run(string allSidesPath)
    {
        var lines = File.ReadAllLines(allSidesPath).Where(l => l.Length > 0).ToArray();
        var half = lines.Length / 2;
        var random = new Random(7);
        var inRandomHalf = lines.Select(_ => random.NextDouble() < 0.5).ToArray();
        var shuffled = lines.ToArray();
        new Random(11).Shuffle(shuffled);
        var splits = new (string Name, string[] A, string[] B)[]
        {
            ("file order, first half then second", lines[..half], lines[half..]),
            ("random halves, each in file order", [.. lines.Where((_, i) => inRandomHalf[i])], [.. lines.Where((_, i) => !inRandomHalf[i])]),
            ("shuffled, first half then second", shuffled[..half], shuffled[half..]),
        };

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var item = JsonDocument.Parse(line);
            gold.TryAdd(item.RootElement.GetProperty("id").GetString()!, item.RootElement.GetProperty("story").GetString()!); // an id repeated: its first line
        }

        var report = new System.Text.StringBuilder();
        foreach (var (name, a, b) in splits)
        {
            var together = Stories([[.. a, .. b]]);
            var apart = Stories([a, b]);
            var same = together.Keys.Intersect(apart.Keys).Count();
            report.AppendLine($"{name,-38} at once: {Score(together, gold)}");
            report.AppendLine($"{string.Empty,-38} A then B: {Score(apart, gold)}; stories the same as at once: {same:N0} of {together.Count:N0}");
        }

        return report.ToString().TrimEnd();
    }

    /// <summary>Ingests each part in turn into a fresh store (no analysis: grouping does not read it); the stories, keyed by their sorted member ids.</summary>
    private static Dictionary<string, string[]> Stories(IEnumerable<string[]> parts)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"storyline-incremental-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        try
        {
            var pipeline = new StorylinePipelineBuilder().UseAnalysis(false).Build();
            using var store = SqliteStoryStore.Open(Path.Combine(directory, "incremental.db"));
            var k = 0;
            foreach (var part in parts)
            {
                var file = Path.Combine(directory, $"part-{k++}.jsonl");
                File.WriteAllLines(file, part);
                pipeline.Ingest([file], store);
            }

            return store.ListStories()
                .Select(s => s.Articles.Select(x => x.ExternalId).Order(StringComparer.Ordinal).ToArray())
                .ToDictionary(ids => string.Join(',', ids), ids => ids, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Score(Dictionary<string, string[]> stories, Dictionary<string, string> gold)
    {
        var labels = new List<string>();
        var predicted = new List<long>();
        var story = 0L;
        foreach (var ids in stories.Values)
        {
            story++;
            foreach (var id in ids.Where(gold.ContainsKey))
            {
                labels.Add(gold[id]);
                predicted.Add(story);
            }
        }

        return GroupingMetrics.Compute(labels, predicted).ToString();
    }
}

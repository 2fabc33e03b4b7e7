using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Bench;

/// <summary>
/// Incremental ingest against ingest at once: allsides-train split in two (file order halves; a random half each, in
/// file order; the lines shuffled, then halved; and a reverse backfill: a reprint of each dated article two days later
/// under another outlet, ingested before the originals), ingested as one file and as two ingests one after the other,
/// grouping scored against the labels (B-cubed and pairwise over every article) with the share of stories and of copy
/// links that come out the same.
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
            ("reprints first, then their originals", Reprints(lines), [.. lines.Where(IsDated)]),
        };

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Concat(Reprints(lines)))
        {
            using var item = JsonDocument.Parse(line);
            gold.TryAdd(item.RootElement.GetProperty("id").GetString()!, item.RootElement.GetProperty("story").GetString()!); // an id repeated: its first line
        }

        var report = new System.Text.StringBuilder();
        foreach (var (name, a, b) in splits)
        {
            var (together, togetherCopies) = Stories([[.. a, .. b]]);
            var (apart, apartCopies) = Stories([a, b]);
            var same = together.Keys.Intersect(apart.Keys).Count();
            var sameCopies = togetherCopies.Count(c => apartCopies.GetValueOrDefault(c.Key) == c.Value);
            report.AppendLine($"{name,-38} at once: {Score(together, gold)}; copies {togetherCopies.Count:N0}");
            report.AppendLine($"{string.Empty,-38} A then B: {Score(apart, gold)}; stories the same as at once: {same:N0} of {together.Count:N0}; copy links the same: {sameCopies:N0} of {togetherCopies.Count:N0}");
        }

        return report.ToString().TrimEnd();
    }

    private static bool IsDated(string line)
    {
        using var item = JsonDocument.Parse(line);
        return item.RootElement.TryGetProperty("published", out var published) && published.ValueKind == JsonValueKind.String
            && item.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 };
    }

    /// <summary>A reprint of each dated article: two days later, under an outlet of its own, with a line added before the text.</summary>
    private static string[] Reprints(string[] lines) =>
    [
        .. lines.Where(IsDated).Select(line =>
        {
            var item = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            var outlet = item["outlet"]?.GetValue<string>() ?? "unknown";
            var published = DateOnly.Parse(item["published"]!.GetValue<string>()[..10], System.Globalization.CultureInfo.InvariantCulture);
            item["id"] = item["id"]!.GetValue<string>() + "-reprint";
            item["outlet"] = "Reprint of " + outlet;
            item["published"] = published.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            item["text"] = $"Reprinted from {outlet}. " + item["text"]!.GetValue<string>();
            return item.ToJsonString();
        }),
    ];

    /// <summary>
    /// Ingests each part in turn into a fresh store (no analysis: grouping does not read it); the stories, keyed by their
    /// sorted member ids, and each copy's original.
    /// </summary>
    private static (Dictionary<string, string[]> Stories, Dictionary<string, string> Copies) Stories(IEnumerable<string[]> parts)
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

            var stories = store.ListStories();
            return (
                stories.Select(s => s.Articles.Select(x => x.ExternalId).Order(StringComparer.Ordinal).ToArray())
                    .ToDictionary(ids => string.Join(',', ids), ids => ids, StringComparer.Ordinal),
                stories.SelectMany(s => s.Articles).Where(x => x.CopyOf is not null).ToDictionary(x => x.ExternalId, x => x.CopyOf!, StringComparer.Ordinal));
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

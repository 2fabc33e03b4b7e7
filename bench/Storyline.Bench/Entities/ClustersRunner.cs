using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Bench.Entities;

/// <summary>
/// <c>train-clusters</c>: learns the word clusters the entity tagger uses from unlabelled text only: the
/// titles and texts of allsides-train and uci-headlines, and the words (not the labels) of WikiANN train.
/// WikiANN dev is not read, so its scores stay a fair guide. Writes models/word-clusters-en.tsv.gz.
/// </summary>
internal static class ClustersRunner
{
    public const string FileName = "word-clusters-en.tsv.gz";

    public static void Train(string eval, string? output)
    {
        var watch = Stopwatch.StartNew();
        var options = new ClusterTrainer.Options();
        if (Environment.GetEnvironmentVariable("CLUSTER_WORDS") is { } words)
        {
            options = options with { MaxWords = int.Parse(words, CultureInfo.InvariantCulture) };
        }

        if (Environment.GetEnvironmentVariable("CLUSTER_MINCOUNT") is { } minCount)
        {
            options = options with { MinCount = int.Parse(minCount, CultureInfo.InvariantCulture) };
        }

        if (Environment.GetEnvironmentVariable("CLUSTER_BRANCHING") is { } branching)
        {
            options = options with { Branching = [.. branching.Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))] };
        }

        Console.WriteLine(options with { Branching = options.Branching ?? [16, 8, 8] });
        var clusters = ClusterTrainer.Train(Sentences(eval), options, Console.WriteLine);
        var path = output ?? Path.Combine(EntitiesRunner.RepositoryRoot(), "models", FileName);
        using (var file = File.Create(path))
        {
            WordClusters.Write(file, clusters);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clusters.Count} words in {clusters.Select(c => c.Path).Distinct().Count()} clusters, {watch.Elapsed.TotalSeconds:F1} s; wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KB)"));
    }

    /// <summary>The training text as token sentences: WikiANN train first, then the news files in order.</summary>
    private static IEnumerable<IReadOnlyList<string>> Sentences(string eval)
    {
        foreach (var sentence in Conll.ReadFile(Path.Combine(eval, "entities", "wikiann-en-train.conll")))
        {
            yield return sentence.Words;
        }

        foreach (var file in new[] { "allsides-train.jsonl", "uci-headlines.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(eval, "stories", file)))
            {
                using var document = JsonDocument.Parse(line);
                foreach (var field in new[] { "title", "text" })
                {
                    if (document.RootElement.TryGetProperty(field, out var value) && value.GetString() is { Length: > 0 } text)
                    {
                        var (tokens, sentences) = SentenceSplitter.Split(text);
                        foreach (var s in sentences)
                        {
                            var list = new string[s.TokenCount];
                            for (var i = 0; i < s.TokenCount; i++)
                            {
                                list[i] = tokens[s.FirstToken + i].In(text).ToString();
                            }

                            yield return list;
                        }
                    }
                }
            }
        }
    }
}

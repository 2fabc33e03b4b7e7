using System.Globalization;
using Storyline.Clustering;
using Storyline.Reading;

namespace Storyline.Bench;

/// <summary>
/// Groups a labelled JSONL file (all articles together, in publication order, as ingest does) and
/// scores the grouping against the <c>story</c> labels.
/// </summary>
internal static class GroupingRunner
{
    public static (GroupingMetrics Metrics, int Articles) Run(string jsonlPath, ClusteringOptions options)
    {
        var articles = Load(jsonlPath);
        var order = GroupingOrder.Of(articles.Select((a, i) => ((long)i, a.Article.Published?.Utc)));
        var clusterer = new StoryClusterer(options, new TermStatistics());
        var predicted = new long[articles.Count];
        foreach (var (id, time) in order.Items)
        {
            var article = articles[(int)id].Article;
            predicted[id] = clusterer.Add(new ClusterItem(id, article.Title, article.Text, time)).StoryId;
        }

        return (GroupingMetrics.Compute([.. articles.Select(a => a.Story)], predicted), articles.Count);
    }

    private static List<(Extraction.Article Article, string Story)> Load(string jsonlPath)
    {
        var pipeline = StorylinePipeline.Default;
        var result = new List<(Extraction.Article, string)>();
        foreach (var (article, problem) in pipeline.Extract([jsonlPath]))
        {
            if (problem is not null)
            {
                throw new InvalidDataException(problem.ToString());
            }

            var story = article!.Metadata.TryGetValue("story", out var label) ? label : throw new InvalidDataException($"{article.Source}: no story label");
            result.Add((article, story));
        }

        return result;
    }

    public static string Describe(ClusteringOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"threshold {options.Threshold:F2}, title weight {options.TitleWeight:F1}, window {options.Window.TotalDays:F0} d, body terms {options.MaxBodyTerms}");
}

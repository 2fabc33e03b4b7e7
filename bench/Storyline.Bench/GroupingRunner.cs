using System.Globalization;
using Storyline.Clustering;

namespace Storyline.Bench;

/// <summary>
/// Groups labelled JSONL files (all articles of a file together, in publication order, as ingest does)
/// and scores the grouping against the <c>story</c> labels; trains the merge model.
/// </summary>
internal static class GroupingRunner
{
    private const int Folds = 5;

    internal sealed record Labelled(ClusterItem Item, string Story);

    /// <summary>Articles of a labelled file, in grouping order.</summary>
    public static List<Labelled> Load(string jsonlPath)
    {
        var articles = new List<(Extraction.Article Article, string Story)>();
        foreach (var (article, problem) in StorylinePipeline.Default.Extract([jsonlPath]))
        {
            if (problem is not null)
            {
                throw new InvalidDataException(problem.ToString());
            }

            articles.Add((article!, article!.Metadata.TryGetValue("story", out var label) ? label : throw new InvalidDataException($"{article.Source}: no story label")));
        }

        var input = articles.Select((a, i) => ((long)i, a.Article.Published?.Utc)).ToList();
        var estimated = Environment.GetEnvironmentVariable("GROUPING_NO_ESTIMATE") == "1"
            ? null
            : UndatedTimes.Estimate(input, i => new ClusterItem(i, articles[i].Article.Title, articles[i].Article.Text, null, articles[i].Article.Outlet, articles[i].Article.Url), ClusteringOptions.Default);
        var order = GroupingOrder.Of(input, estimated);
        return [.. order.Items.Select(o =>
        {
            var (article, story) = articles[(int)o.Id];
            return new Labelled(new ClusterItem(o.Id, article.Title, article.Text, o.Time, article.Outlet, article.Url, o.Until), story);
        })];
    }

    public static long[] Cluster(List<Labelled> articles, ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options, new TermStatistics());
        return [.. articles.Select(a => clusterer.Add(a.Item).StoryId)];
    }

    /// <summary>Scores the model as given (trained on everything: in-sample).</summary>
    public static GroupingMetrics Score(List<Labelled> articles, ClusteringOptions options) =>
        GroupingMetrics.Compute([.. articles.Select(a => a.Story)], Cluster(articles, options));

    /// <summary>
    /// Cross-validated by story: stories are split into folds by a hash of their label; for each fold a
    /// model is trained on the other folds (and on <paramref name="otherTraining"/>), the whole file is
    /// grouped with it, and only the fold's articles are scored.
    /// </summary>
    public static GroupingMetrics CrossValidate(List<Labelled> articles, List<Labelled> otherTraining, ClusteringOptions options)
    {
        var metrics = new GroupingMetrics();
        var other = otherTraining.Select(a => (a.Item, a.Story)).ToList();
        var gold = articles.Select(a => a.Story).ToList();
        for (var fold = 0; fold < Folds; fold++)
        {
            var training = articles.Where(a => FoldOf(a.Story) != fold).Select(a => (a.Item, a.Story)).ToList();
            var model = MergeModelTrainer.Train([training, other], options);
            var predicted = Cluster(articles, options with { Model = model });
            var f = fold;
            metrics.Add(gold, predicted, i => FoldOf(gold[i]) == f);
        }

        return metrics;
    }

    public static MergeModel Train(IEnumerable<List<Labelled>> files, ClusteringOptions options) =>
        MergeModelTrainer.Train([.. files.Select(f => (IReadOnlyList<(ClusterItem, string)>)[.. f.Select(a => (a.Item, a.Story))])], options);

    /// <summary>A stable fold for a story label (FNV-1a; string.GetHashCode is randomised per process).</summary>
    private static int FoldOf(string story)
    {
        var hash = 2166136261u;
        foreach (var c in story)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Folds);
    }

    public static string Describe(MergeModel model) =>
        string.Create(CultureInfo.InvariantCulture, $"bias {model.Bias:F3}; ") +
        string.Join(", ", MergeModel.FeatureNames.Zip(model.Weights, (n, w) => string.Create(CultureInfo.InvariantCulture, $"{n} {w:F3}")));
}

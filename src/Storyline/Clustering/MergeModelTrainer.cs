namespace Storyline.Clustering;

/// <summary>
/// Learns a <see cref="MergeModel"/> from labelled articles. The stream is replayed in grouping order
/// with the true stories as state (teacher forcing): each article is compared with the candidate stories
/// the clusterer would see, and each comparison is an example, positive when the candidate is the
/// article's own story. Logistic regression is fitted by Newton's method with an L2 penalty:
/// deterministic, no learning rate to tune.
/// </summary>
internal static class MergeModelTrainer
{
    /// <summary>How many times the model groups the training files itself and learns from its own states.</summary>
    public const int OnPolicyRounds = 10;

    /// <summary>
    /// Learns a model from labelled files (each in grouping order): first from the true stories, then
    /// <see cref="OnPolicyRounds"/> times from the stories the current model builds, every round's
    /// examples added to the ones before (as DAgger), the model refitted on all of them.
    /// </summary>
    public static MergeModel Train(IReadOnlyList<IReadOnlyList<(ClusterItem Item, string Label)>> files, ClusteringOptions options, int rounds = OnPolicyRounds)
    {
        var examples = files.SelectMany(file => Examples(file, options)).ToList();
        var model = Fit(examples);
        for (var round = 0; round < rounds; round++)
        {
            var current = options with { Model = model };
            foreach (var file in files)
            {
                examples.AddRange(OnPolicyExamples(file, current));
            }

            model = Fit(examples);
        }

        return model;
    }

    public static List<(double[] Features, bool Joins)> Examples(IEnumerable<(ClusterItem Item, string Label)> ordered, ClusteringOptions options)
    {
        var statistics = new TermStatistics();
        var stories = new Dictionary<string, StoryState>(StringComparer.Ordinal);
        var byId = new Dictionary<long, StoryState>();
        var index = new CandidateIndex();
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var examples = new List<(double[], bool)>();
        foreach (var (item, label) in ordered)
        {
            var profile = ArticleProfile.Build(item, options, statistics, count: true);

            foreach (var (story, features) in CandidateSelection.Features(profile, index, byId, options.Window, statistics))
            {
                examples.Add((features, ids.TryGetValue(label, out var ownId) && ownId == story.Id));
            }

            if (!stories.TryGetValue(label, out var own))
            {
                ids[label] = ids.Count + 1;
                own = new StoryState(ids[label]);
                stories[label] = own;
                byId[own.Id] = own;
            }

            own.Add(profile);
            index.Add(own.Id, profile);
        }

        return examples;
    }

    /// <summary>
    /// Examples from the states the model itself produces (as DAgger): the stream is grouped with
    /// <paramref name="options"/>'s model, and each candidate the clusterer scores is an example, positive
    /// when most of that story's articles carry the article's label. Teacher forcing alone only shows
    /// the model whole gold stories; grouping meets fragments of them.
    /// </summary>
    public static List<(double[] Features, bool Joins)> OnPolicyExamples(IEnumerable<(ClusterItem Item, string Label)> ordered, ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options, new TermStatistics());
        var labels = new Dictionary<long, Dictionary<string, int>>();
        var examples = new List<(double[], bool)>();
        foreach (var (item, label) in ordered)
        {
            var assignment = clusterer.Add(PreparedArticle.Prepare(item, options), null, (storyId, features) =>
            {
                var counts = labels[storyId];
                var own = counts.GetValueOrDefault(label);
                examples.Add((features, own * 2 > counts.Values.Sum()));
            });
            if (!labels.TryGetValue(assignment.StoryId, out var story))
            {
                story = new Dictionary<string, int>(StringComparer.Ordinal);
                labels[assignment.StoryId] = story;
            }

            story[label] = story.GetValueOrDefault(label) + 1;
        }

        return examples;
    }

    public static MergeModel Fit(IReadOnlyList<(double[] Features, bool Joins)> examples, double l2 = 1.0, int iterations = 25)
    {
        var d = MergeFeatures.Count + 1; // bias first
        var beta = new double[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            foreach (var (features, joins) in examples)
            {
                var x = Augment(features);
                var p = Sigmoid(Dot(beta, x));
                var error = p - (joins ? 1 : 0);
                var w = Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += error * x[i];
                    for (var j = 0; j < d; j++)
                    {
                        hessian[i, j] += w * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < d; i++)
            {
                gradient[i] += l2 * beta[i];
                hessian[i, i] += l2;
            }

            hessian[0, 0] += 1e-6;
            var step = Numerics.LinearSystem.Solve(hessian, gradient, gradient.Length);
            for (var i = 0; i < d; i++)
            {
                beta[i] -= step[i];
            }

            if (step.Max(Math.Abs) < 1e-7)
            {
                break;
            }
        }

        return new MergeModel(beta[0], beta[1..]);
    }

    private static double[] Augment(double[] features)
    {
        var x = new double[features.Length + 1];
        x[0] = 1;
        features.CopyTo(x, 1);
        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}

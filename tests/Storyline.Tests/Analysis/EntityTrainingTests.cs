using Storyline.Analysis.Entities;

namespace Storyline.Tests.Analysis;

/// <summary>Word clusters and the tagger's training on small made-up data: what they learn, and that they learn it the same way every time.</summary>
public sealed class EntityTrainingTests
{
    private static readonly string[] Places = ["paris", "rome", "oslo", "lima", "quito", "kyiv"];
    private static readonly string[] Verbs = ["sings", "runs", "reads", "cooks", "swims", "draws"];

    /// <summary>Places after "in", verbs after "she": two kinds of context.</summary>
    private static List<string[]> Corpus()
    {
        var sentences = new List<string[]>();
        for (var r = 0; r < 20; r++)
        {
            foreach (var place in Places)
            {
                sentences.Add(["we", "live", "in", place, "now", "."]);
            }

            foreach (var verb in Verbs)
            {
                sentences.Add(["she", verb, "well", "today", "."]);
            }
        }

        return sentences;
    }

    [Fact]
    public void Clusters_group_words_by_their_contexts()
    {
        var options = new ClusterTrainer.Options(MinCount: 2, ContextWords: 50, Branching: [2, 2]);
        var clusters = ClusterTrainer.Train(Corpus(), options);
        var path = clusters.ToDictionary(c => c.Word, c => c.Path);
        Assert.All(clusters, c => Assert.Equal(2, c.Path.Length));
        var placeTop = Places.Select(p => path[p][0]).Distinct().ToArray();
        var verbTop = Verbs.Select(v => path[v][0]).Distinct().ToArray();
        Assert.Single(placeTop);
        Assert.Single(verbTop);
        Assert.NotEqual(placeTop[0], verbTop[0]);

        var again = ClusterTrainer.Train(Corpus(), options);
        Assert.Equal(clusters, again);
    }

    [Fact]
    public void Cluster_files_and_prefixes_round_trip()
    {
        var clusters = ClusterTrainer.Train(Corpus(), new ClusterTrainer.Options(MinCount: 2, ContextWords: 50, Branching: [4, 2]));
        using var file = new MemoryStream();
        WordClusters.Write(file, clusters);
        file.Position = 0;
        var read = WordClusters.Read(file);
        Assert.Equal(clusters.OrderBy(c => c.Word, StringComparer.Ordinal), read.OrderBy(c => c.Word, StringComparer.Ordinal));

        var map = WordClusters.From(read);
        Assert.Equal(3, map.PathBits);
        var paris = map.Of(FeatureHash.Of("Paris", true));
        Assert.NotEqual(0, paris);
        Assert.Equal((ulong)Convert.ToInt32(clusters.Single(c => c.Word == "paris").Path[..2], 2) + 1, map.Prefix(paris, 2));
        Assert.Equal(0UL, map.Prefix(map.Of(FeatureHash.Of("unseen", true)), 2));
    }

    [Fact]
    public void Tagger_learns_names_and_saves_and_loads_the_same()
    {
        var sentences = new List<ConllSentence>();
        foreach (var place in Places)
        {
            foreach (var person in new[] { "Anna", "Boris", "Chen", "Dara" })
            {
                var city = char.ToUpperInvariant(place[0]) + place[1..];
                string[] words = [person, "lives", "in", city, "."];
                string[] labels = ["B-PER", "O", "O", "B-LOC", "O"];
                sentences.Add(new ConllSentence([.. words.Select((w, i) => $"{w}\t{labels[i]}")], words, labels));
            }
        }

        var clusters = WordClusters.From(ClusterTrainer.Train(Corpus(), new ClusterTrainer.Options(MinCount: 2, ContextWords: 50, Branching: [2, 2])));
        var places = PlaceList.Read(new StringReader("3\tQuito\n4\tLima\n"));
        var options = new NerTrainer.Options(Epochs: 3, CrfEpochs: 3, PruneBelow: 0, Clusters: clusters, Places: places);
        var model = NerTrainer.Train(sentences, options);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = NerModel.Load(file);

        const string text = "Dara lives in Quito .";
        (int, int)[] spans = [(0, 4), (5, 5), (11, 2), (14, 5), (20, 1)];
        var tags = new int[spans.Length];
        var again = new int[spans.Length];
        model.Predict(text, spans, tags, new NerModel.Scratch());
        loaded.Predict(text, spans, again, new NerModel.Scratch());
        Assert.Equal(["B-PER", "O", "O", "B-LOC", "O"], tags.Select(t => model.Tags[t]));
        Assert.Equal(tags, again);
        Assert.Equal(clusters.Count, loaded.Clusters.Count);
        Assert.Equal(places, loaded.Gazetteer.Places);
    }
}

using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class MergeModelTrainerTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Etna = "Mount Etna erupted on Sunday, sending ash over Catania and closing the airport for the day.";

    [Fact]
    public void On_policy_examples_are_labelled_by_the_majority_of_the_story_the_model_built()
    {
        // A model that joins everything it compares: the third item, another event with the same words,
        // lands in the first story, and its comparison is a negative example.
        var joinAll = ClusteringOptions.Default with { Model = new MergeModel(10, new double[MergeModel.FeatureNames.Count]) };
        (ClusterItem, string)[] stream =
        [
            (new ClusterItem(1, "Etna erupts", Etna, Day1), "etna"),
            (new ClusterItem(2, "Etna erupts again", Etna, Day1.AddHours(1)), "etna"),
            (new ClusterItem(3, "Etna erupts", Etna, Day1.AddHours(2)), "other"),
        ];

        var examples = MergeModelTrainer.OnPolicyExamples(stream, joinAll);

        Assert.Equal([true, false], examples.Select(e => e.Joins));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var file = Enumerable.Range(0, 12)
            .Select(i => (new ClusterItem(i, $"Report {i % 3} on event {i % 3}", $"Event number {i % 3} happened in town {i % 3} with details {i % 3}.", Day1.AddHours(i)), $"s{i % 3}"))
            .ToList();

        var first = MergeModelTrainer.Train([file], ClusteringOptions.Default, rounds: 2);
        var second = MergeModelTrainer.Train([file], ClusteringOptions.Default, rounds: 2);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }
}

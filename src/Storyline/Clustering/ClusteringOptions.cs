namespace Storyline.Clustering;

/// <summary>Settings of the streaming story grouping. The defaults are the ones measured in docs/BENCHMARKS.md (alternatives in docs/DECISIONS.md).</summary>
public sealed record ClusteringOptions
{
    /// <summary>The defaults.</summary>
    public static ClusteringOptions Default { get; } = new();

    /// <summary>The learned merge decision.</summary>
    public MergeModel Model { get; init; } = MergeModel.Default;

    /// <summary>Least model probability for an article to join a story (0.5: the model's own decision boundary).</summary>
    public double JoinProbability { get; init; } = 0.5;

    /// <summary>How many times a title term counts against a body term in the combined vector.</summary>
    public double TitleWeight { get; init; } = 3.0;

    /// <summary>A story takes no article published more than this before its first or after its last article.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Body terms read per article (the lead carries the event; the tail adds noise and time).</summary>
    public int MaxBodyTerms { get; init; } = 400;
}

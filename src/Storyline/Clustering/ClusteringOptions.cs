namespace Storyline.Clustering;

/// <summary>Settings of the streaming story grouping. The defaults are the ones measured in docs/RESULTS.md.</summary>
public sealed record ClusteringOptions
{
    /// <summary>The defaults.</summary>
    public static ClusteringOptions Default { get; } = new();

    /// <summary>Least cosine similarity between an article and a story centroid for the article to join the story.</summary>
    public double Threshold { get; init; } = 0.20;

    /// <summary>How many times a title term counts against a body term: titles are dense with the event's names.</summary>
    public double TitleWeight { get; init; } = 3.0;

    /// <summary>A story takes no article published more than this before its first or after its last article.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Body terms read per article (the lead carries the event; the tail adds noise and time).</summary>
    public int MaxBodyTerms { get; init; } = 400;
}

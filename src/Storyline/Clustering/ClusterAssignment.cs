namespace Storyline.Clustering;

/// <summary>The story an article was put in.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="StoryId">The story it joined or started.</param>
/// <param name="StartedStory">True when the article started a new story.</param>
/// <param name="Similarity">The merge model's probability for the story it joined (1 when forced, as for a copy; 0 for a new story).</param>
/// <param name="Time">
/// The time the article was grouped at: its publication time, or for an undated article the time grouping gave it
/// (<see cref="ClusterItem.Time"/>). Stored, so that a later ingest restores its story's span as it was.
/// </param>
/// <param name="Until">The later of an undated article's two possible times (<see cref="ClusterItem.Until"/>), if any.</param>
public sealed record ClusterAssignment(long ArticleId, long StoryId, bool StartedStory, double Similarity, DateTimeOffset? Time = null, DateTimeOffset? Until = null);

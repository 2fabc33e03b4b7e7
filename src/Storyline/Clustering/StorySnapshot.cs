namespace Storyline.Clustering;

/// <summary>The state of one story after clustering: its title (its most central article's) and its time span.</summary>
/// <param name="StoryId">The story.</param>
/// <param name="Title">Title of its most central article.</param>
/// <param name="FirstSeen">Earliest publication time of its articles, if any is dated.</param>
/// <param name="LastUpdated">Latest publication time of its articles, if any is dated.</param>
/// <param name="ArticleCount">How many articles it holds.</param>
public sealed record StorySnapshot(long StoryId, string? Title, DateTimeOffset? FirstSeen, DateTimeOffset? LastUpdated, int ArticleCount);

namespace Storyline.Storage;

/// <summary>A story with its articles in publication order.</summary>
/// <param name="Id">The story's id.</param>
/// <param name="Title">Title of its most central article.</param>
/// <param name="FirstSeen">Publication time of its earliest dated article, at that source's precision (ISO 8601).</param>
/// <param name="LastUpdated">Publication time of its latest dated article, at that source's precision (ISO 8601).</param>
/// <param name="Articles">Its articles, earliest first (undated last).</param>
public sealed record StorySummary(long Id, string? Title, string? FirstSeen, string? LastUpdated, IReadOnlyList<StoredArticle> Articles);

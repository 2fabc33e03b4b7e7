namespace Storyline.Storage;

/// <summary>An article matching a full-text query.</summary>
/// <param name="Article">The article.</param>
/// <param name="StoryId">Its story, if grouped.</param>
/// <param name="Snippet">Text around the match, terms marked with [brackets].</param>
public sealed record SearchHit(StoredArticle Article, long? StoryId, string Snippet);

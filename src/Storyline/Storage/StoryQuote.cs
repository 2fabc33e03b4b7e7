namespace Storyline.Storage;

/// <summary>A quote in a story.</summary>
/// <param name="Speaker">The resolved speaker, or null when unattributed.</param>
/// <param name="ArticleId">The external id of the article quoting it.</param>
/// <param name="Outlet">That article's outlet, if known.</param>
/// <param name="Text">The quoted or reported words.</param>
/// <param name="Direct">True for words in quotation marks.</param>
public sealed record StoryQuote(string? Speaker, string ArticleId, string? Outlet, string Text, bool Direct);

namespace Storyline.Storage;

/// <summary>A stored article with the same content as a new document.</summary>
/// <param name="ArticleId">The stored article.</param>
/// <param name="SameSource">True when it is the same document again (same outlet and id, or a source already recorded); false when another source published the same text.</param>
public sealed record DuplicateMatch(long ArticleId, bool SameSource);

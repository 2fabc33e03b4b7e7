namespace Storyline.Storage;

/// <summary>What <see cref="IStoryStore.Ungroup"/> took apart, for the grouping that follows.</summary>
/// <param name="FormerStory">Each article taken out of a story that no longer exists, with that story's id (for it to be given again).</param>
/// <param name="Truncated">Stories that kept some of their articles.</param>
/// <param name="Articles">How many articles were taken out.</param>
public sealed record Ungrouping(IReadOnlyDictionary<long, long> FormerStory, IReadOnlyList<long> Truncated, int Articles);

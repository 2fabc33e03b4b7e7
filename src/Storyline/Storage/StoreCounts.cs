namespace Storyline.Storage;

/// <summary>How much the store holds.</summary>
/// <param name="Articles">Articles stored.</param>
/// <param name="Stories">Stories.</param>
/// <param name="Outlets">Distinct outlets.</param>
public sealed record StoreCounts(long Articles, long Stories, long Outlets);

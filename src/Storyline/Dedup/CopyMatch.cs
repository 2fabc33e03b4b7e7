namespace Storyline.Dedup;

/// <summary>An earlier article that a new one copies.</summary>
/// <param name="OriginalId">The earlier article.</param>
/// <param name="Jaccard">Estimated Jaccard similarity of their shingles.</param>
/// <param name="Containment">Estimated share of the shorter text found in the longer.</param>
public sealed record CopyMatch(long OriginalId, double Jaccard, double Containment);

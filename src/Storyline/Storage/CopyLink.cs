namespace Storyline.Storage;

/// <summary>An article found to copy an earlier one (wire reprint, repost, light edit).</summary>
/// <param name="CopyId">The copy.</param>
/// <param name="OriginalId">The earliest published article it copies.</param>
/// <param name="Similarity">Estimated Jaccard similarity of their shingles.</param>
public sealed record CopyLink(long CopyId, long OriginalId, double Similarity);

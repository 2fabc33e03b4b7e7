using Storyline.Dedup;

namespace Storyline.Storage;

/// <summary>A stored article's near-duplicate signature, for the copy detector's window.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Published">Its publication time (UTC), if known.</param>
/// <param name="Signature">Its signature.</param>
/// <param name="StoryId">Its story, if grouped.</param>
/// <param name="CopyOf">The article it copies, if it is a copy.</param>
public sealed record DedupEntry(long ArticleId, DateTimeOffset? Published, MinHashSignature Signature, long? StoryId, long? CopyOf);

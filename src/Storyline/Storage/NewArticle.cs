using Storyline.Dedup;
using Storyline.Extraction;

namespace Storyline.Storage;

/// <summary>An extracted article on its way into the store, with its content hash and MinHash signature.</summary>
/// <param name="Article">The article.</param>
/// <param name="ContentHash">Its exact-duplicate identity (see <see cref="Dedup.ContentHash"/>).</param>
/// <param name="Signature">Its near-duplicate signature, or null when it has no text.</param>
/// <param name="Analysis">Entities and cited sources found in its text, if analysed.</param>
public sealed record NewArticle(Article Article, string ContentHash, MinHashSignature? Signature = null, Analysis.ArticleAnalysis? Analysis = null);

using Storyline.Extraction;

namespace Storyline.Storage;

/// <summary>An extracted article on its way into the store, with its content hash.</summary>
/// <param name="Article">The article.</param>
/// <param name="ContentHash">Its exact-duplicate identity (see <see cref="Dedup.ContentHash"/>).</param>
public sealed record NewArticle(Article Article, string ContentHash);

namespace Storyline.Storage;

/// <summary>Removing one article for good (<see cref="IArticleRemoval"/>).</summary>
public sealed partial class SqliteStoryStore : IArticleRemoval
{
    /// <inheritdoc />
    /// <remarks>
    /// Call <see cref="Ungroup"/> first for a grouped article (its terms uncounted, its story recomputed); what is left
    /// of it is deleted here in one transaction: copies of it become originals, its analysis rows, signature, other
    /// sources go (views and reactions are the portal's: <see cref="Portal.IReactionStore.MoveCounts"/>), and the full-text index drops it (trigger).
    /// </remarks>
    public bool RemoveArticle(long articleId)
    {
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var command = Command("""
            UPDATE articles SET copy_of = NULL, copy_similarity = NULL WHERE copy_of = $id;
            DELETE FROM story_articles WHERE article_id = $id;
            DELETE FROM article_names WHERE article_id = $id;
            DELETE FROM article_sources WHERE article_id = $id;
            DELETE FROM article_quotes WHERE article_id = $id;
            DELETE FROM article_signatures WHERE article_id = $id;
            DELETE FROM article_aliases WHERE article_id = $id;
            DELETE FROM articles WHERE id = $id;
            """, transaction);
        command.Parameters.AddWithValue("$id", articleId);
        command.ExecuteNonQuery();
        using var changed = Command("SELECT changes();", transaction);
        var removed = Convert.ToInt64(changed.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        transaction.Commit();
        return removed;
    }
}

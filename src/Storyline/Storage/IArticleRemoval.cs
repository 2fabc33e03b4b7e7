namespace Storyline.Storage;

/// <summary>
/// Takes one article out of the store for good (a contributor's post that its author or an admin removes): out of its
/// story (the story recomputed, deleted when emptied), its copy links, names, quotes, sources, signature and index entry.
/// </summary>
public interface IArticleRemoval
{
    /// <summary>Removes the article with this row id; false when there is none.</summary>
    bool RemoveArticle(long articleId);
}

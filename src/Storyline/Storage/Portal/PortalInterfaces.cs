namespace Storyline.Storage.Portal;

/// <summary>The seven reactions a reader can give an article ("What's Your Reaction?").</summary>
public static class Reactions
{
    /// <summary>Every reaction, in the order they are shown.</summary>
    public static IReadOnlyList<string> All { get; } = ["like", "dislike", "love", "funny", "angry", "sad", "wow"];

    /// <summary>True for one of <see cref="All"/> (exactly, lower case).</summary>
    public static bool IsKnown(string? reaction) => reaction is not null && All.Contains(reaction, StringComparer.Ordinal);
}

/// <summary>A contributor or admin account.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name, also the outlet its posts are published under.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's password hash, or null for an account made on the command line without a password.</param>
/// <param name="IsAdmin">Admins may edit and remove every post.</param>
public sealed record PortalUser(long Id, string Name, string? PasswordHash, bool IsAdmin);

/// <summary>Accounts and their API tokens. Only a token's SHA-256 hash is stored.</summary>
public interface IUserStore
{
    /// <summary>Creates an account; null when the name is taken (names compare without case).</summary>
    PortalUser? AddUser(string name, string? passwordHash, bool isAdmin);

    /// <summary>The account of this name (without case), or null.</summary>
    PortalUser? FindUser(string name);

    /// <summary>The account with this id, or null.</summary>
    PortalUser? FindUser(long id);

    /// <summary>Replaces the account's API tokens by one with this hash (the hex SHA-256 of the token).</summary>
    void ReplaceToken(long userId, string tokenHash);

    /// <summary>The account whose token has this hash, or null.</summary>
    PortalUser? FindByTokenHash(string tokenHash);
}

/// <summary>Article views and reactions, counted per browser.</summary>
public interface IReactionStore
{
    /// <summary>
    /// Counts a view of an article by a browser unless the same browser was counted within <paramref name="window"/>;
    /// returns the article's view count afterwards.
    /// </summary>
    long CountView(long articleId, string browser, DateTimeOffset now, TimeSpan window);

    /// <summary>The article's view count.</summary>
    long Views(long articleId);

    /// <summary>Sets (or changes) the one reaction of a browser to an article.</summary>
    void React(long articleId, string browser, string reaction, DateTimeOffset now);

    /// <summary>Each reaction of <see cref="Reactions.All"/> with its count (zero included).</summary>
    IReadOnlyDictionary<string, long> ReactionCounts(long articleId);

    /// <summary>The browser's reaction to the article, or null.</summary>
    string? ReactionOf(long articleId, string browser);

    /// <summary>
    /// Moves an article's views and reactions to another row id (an edited post is stored again as a new row), or,
    /// with <paramref name="toArticleId"/> null, forgets them (a removed post).
    /// </summary>
    void MoveCounts(long fromArticleId, long? toArticleId);
}

/// <summary>A contributor's post as written (the stored article is its ingested form).</summary>
/// <param name="Id">Its id.</param>
/// <param name="UserId">Its author.</param>
/// <param name="ExternalId">The id of the article it was ingested as.</param>
/// <param name="Title">Its title.</param>
/// <param name="Markdown">Its text as written (Markdown).</param>
/// <param name="Created">When it was written (UTC, ISO 8601).</param>
public sealed record Post(long Id, long UserId, string ExternalId, string Title, string Markdown, string Created);

/// <summary>Contributors' posts.</summary>
public interface IPostStore
{
    /// <summary>Stores a new post and returns it with its id and the external id its article gets.</summary>
    Post AddPost(long userId, string title, string markdown, DateTimeOffset now);

    /// <summary>Changes a post's title and text.</summary>
    void UpdatePost(long postId, string title, string markdown, DateTimeOffset now);

    /// <summary>Deletes a post (not its article: see <see cref="IArticleRemoval"/>).</summary>
    void RemovePost(long postId);

    /// <summary>The post with this id, or null.</summary>
    Post? FindPost(long postId);

    /// <summary>The post ingested as the article with this external id, or null.</summary>
    Post? FindPostByArticle(string externalId);
}

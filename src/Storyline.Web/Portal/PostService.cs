using System.Globalization;
using System.Text.Json.Nodes;
using Storyline.Storage.Portal;

namespace Storyline.Web.Portal;

/// <summary>
/// Contributors' posts: written as Markdown, stored as written (<see cref="IPostStore"/>) and ingested like any article,
/// as plain text, under the author's name as outlet, so that a post joins stories. Editing stores the article again
/// (views and reactions carried over); removing takes it out of its story.
/// </summary>
internal sealed class PostService(IPostStore posts, IReactionStore counts, ArticleWriter writer)
{
    public const int MaxTitle = 300;
    public const int MaxText = 100_000;

    /// <summary>Why a title and text cannot be published, or null.</summary>
    public static string? Check(string title, string markdown) =>
        string.IsNullOrWhiteSpace(title) ? "A post needs a title."
        : title.Length > MaxTitle ? $"The title is longer than {MaxTitle} characters."
        : string.IsNullOrWhiteSpace(markdown) ? "A post needs some text."
        : markdown.Length > MaxText ? $"The text is longer than {MaxText:N0} characters."
        : null;

    public async Task<(Post? Post, string? Problem)> PublishAsync(PortalUser author, string title, string markdown, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var post = posts.AddPost(author.Id, title.Trim(), markdown, now);
        var outcome = await writer.IngestAsync(ArticleOf(post, author.Name), cancellationToken).ConfigureAwait(false);
        if (outcome.Stored is null || outcome.Duplicate)
        {
            posts.RemovePost(post.Id);
            return (null, outcome.Problem ?? "The same text is already published.");
        }

        return (post, null);
    }

    public async Task<string?> EditAsync(Post post, PortalUser author, string title, string markdown, long? storedArticleId, CancellationToken cancellationToken)
    {
        if (storedArticleId is { } old)
        {
            await writer.RemoveAsync(old).ConfigureAwait(false);
        }

        posts.UpdatePost(post.Id, title.Trim(), markdown, DateTimeOffset.UtcNow);
        var edited = post with { Title = title.Trim(), Markdown = markdown };
        var outcome = await writer.IngestAsync(ArticleOf(edited, author.Name), cancellationToken).ConfigureAwait(false);
        if (outcome.Stored is { } stored && storedArticleId is { } former)
        {
            counts.MoveCounts(former, stored.Article.Id);
        }

        return outcome.Stored is null ? outcome.Problem ?? "The same text is already published." : null;
    }

    public async Task RemoveAsync(Post post, long? storedArticleId)
    {
        if (storedArticleId is { } id)
        {
            await writer.RemoveAsync(id).ConfigureAwait(false);
            counts.MoveCounts(id, null);
        }

        posts.RemovePost(post.Id);
    }

    /// <summary>The post as a JSONL article of ingest: its id, the author as outlet, its first publication time.</summary>
    private static JsonObject ArticleOf(Post post, string author) => new()
    {
        ["id"] = post.ExternalId,
        ["outlet"] = author,
        ["title"] = post.Title,
        ["published"] = post.Created,
        ["text"] = PostMarkdown.ToPlainText(post.Markdown),
        ["authors"] = new JsonArray(author),
        ["contributor_post"] = post.Id.ToString(CultureInfo.InvariantCulture),
    };
}

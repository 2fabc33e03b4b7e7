using Microsoft.AspNetCore.Antiforgery;
using Storyline.Storage.Portal;
using Storyline.Web.Pages;
using Storyline.Web.Portal;

namespace Storyline.Web.Hosting;

/// <summary>A signed-in contributor writes, edits and removes posts (an admin edits and removes any).</summary>
internal static class PostEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/write", (HttpContext context) => Viewers.User(context) is null
            ? Results.Redirect("/signin")
            : Page(context, AccountPages.Write(null, string.Empty, string.Empty, null, Viewers.For(context, true)))).ExcludeFromDescription();
        app.MapPost("/write", WriteAsync).RequireRateLimiting(PortalEndpoints.PostsLimit).ExcludeFromDescription();
        app.MapGet("/posts/{id:long}/edit", (long id, HttpContext context, IPostStore posts, IUserStore users) =>
            Editable(context, id, posts, users) is { } post
                ? Page(context, AccountPages.Write(post.Post.Id, post.Post.Title, post.Post.Markdown, null, Viewers.For(context, true)))
                : Errors.Page(context, 404, "No such post", "There is no post of yours with this id.")).ExcludeFromDescription();
        app.MapPost("/posts/{id:long}/edit", EditAsync).RequireRateLimiting(PortalEndpoints.PostsLimit).ExcludeFromDescription();
        app.MapPost("/posts/{id:long}/remove", RemoveAsync).RequireRateLimiting(PortalEndpoints.PostsLimit).ExcludeFromDescription();
    }

    private static IResult Page(HttpContext context, string html, int status = 200)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, CachedResponse.HtmlType, statusCode: status);
    }

    /// <summary>The post when the signed-in account may change it (its author or an admin), with its author.</summary>
    private static (Post Post, PortalUser Author)? Editable(HttpContext context, long id, IPostStore posts, IUserStore users) =>
        Viewers.User(context) is { } user && posts.FindPost(id) is { } post && users.FindUser(post.UserId) is { } author
        && (user.Id == author.Id || user.IsAdmin)
            ? (post, author)
            : null;

    private static async Task<IResult> WriteAsync(HttpContext context, IAntiforgery antiforgery, PostService service)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return PortalEndpoints.BadForm(context);
        }

        if (Viewers.User(context) is not { } user)
        {
            return Results.Redirect("/signin");
        }

        var (title, text) = await ReadPostAsync(context).ConfigureAwait(false);
        var problem = PostService.Check(title, text);
        if (problem is null)
        {
            var (post, failure) = await service.PublishAsync(user, title, text, context.RequestAborted).ConfigureAwait(false);
            if (post is not null)
            {
                return Results.Redirect(Links.Article(post.ExternalId, user.Name));
            }

            problem = failure;
        }

        return Page(context, AccountPages.Write(null, title, text, problem, Viewers.For(context, true)), 400);
    }

    private static async Task<IResult> EditAsync(long id, HttpContext context, IAntiforgery antiforgery, IPostStore posts, IUserStore users, StorePool pool, PostService service)
    {
        var (refusal, post, author) = await CheckAsync(id, context, antiforgery, posts, users).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (title, text) = await ReadPostAsync(context).ConfigureAwait(false);
        var problem = PostService.Check(title, text);
        if (problem is null)
        {
            var stored = pool.Read(store => store.GetArticle(post.ExternalId, author.Name));
            problem = await service.EditAsync(post, author, title, text, stored?.Article.Id, context.RequestAborted).ConfigureAwait(false);
            if (problem is null)
            {
                return Results.Redirect(Links.Article(post.ExternalId, author.Name));
            }
        }

        return Page(context, AccountPages.Write(post.Id, title, text, problem, Viewers.For(context, true)), 400);
    }

    private static async Task<IResult> RemoveAsync(long id, HttpContext context, IAntiforgery antiforgery, IPostStore posts, IUserStore users, StorePool pool, PostService service)
    {
        var (refusal, post, author) = await CheckAsync(id, context, antiforgery, posts, users).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var stored = pool.Read(store => store.GetArticle(post.ExternalId, author.Name));
        await service.RemoveAsync(post, stored?.Article.Id).ConfigureAwait(false);
        return Results.Redirect("/");
    }

    /// <summary>A change to a post: refused (bad form, or not the viewer's post), or the post and its author.</summary>
    private static async Task<(IResult? Refusal, Post Post, PortalUser Author)> CheckAsync(long id, HttpContext context, IAntiforgery antiforgery, IPostStore posts, IUserStore users)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return (PortalEndpoints.BadForm(context), null!, null!);
        }

        return Editable(context, id, posts, users) is { } editable
            ? (null, editable.Post, editable.Author)
            : (Errors.Page(context, 404, "No such post", "There is no post of yours with this id."), null!, null!);
    }

    private static async Task<(string Title, string Text)> ReadPostAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        return (form["title"].ToString(), form["text"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}

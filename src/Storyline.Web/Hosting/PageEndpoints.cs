using Storyline.Storage;
using Storyline.Storage.Portal;
using Storyline.Web.Pages;
using Storyline.Web.Portal;
using Storyline.Web.Rendering;

namespace Storyline.Web.Hosting;

/// <summary>The reader's pages: front page, story, article, search, outlet, person.</summary>
internal static class PageEndpoints
{
    private const int MainPeople = 4;
    private static readonly TimeSpan ViewWindow = TimeSpan.FromMinutes(30);

    public static void MapPages(this WebApplication app)
    {
        app.MapGet("/", (HttpContext context, StorePool pool) =>
        {
            var filter = FrontFilter.Of(context.Request);
            return Viewers.Shared(context, viewer => pool.Read(store =>
            {
                var stories = store.BrowseStories(filter.ToQuery());
                return CachedResponse.Html(FrontPage.Render(filter, stories, id => store.MainPeople(id, MainPeople), viewer));
            }));
        }).ExcludeFromDescription();

        app.MapGet("/stories/{id:long}", (long id, HttpContext context, StorePool pool, ComparisonCache comparisons) => Viewers.Shared(context, viewer => pool.Read(store =>
        {
            var story = store.GetStory(id);
            if (story is null)
            {
                return CachedResponse.Html(ListPages.Error(404, "No such story", $"There is no story {id}.", viewer), 404);
            }

            // A story a regrouping took apart: its id leads to the story holding most of its articles.
            return story.Id != id
                ? CachedResponse.Redirect(Links.Story(story.Id))
                : CachedResponse.Html(StoryPage.Render(story, store.GetStoryDetails(id), comparisons.Get(store, id), viewer));
        }))).ExcludeFromDescription();

        app.MapGet("/articles/{id}", ArticlePageAsync).ExcludeFromDescription();

        app.MapGet("/search", (HttpContext context, StorePool pool) =>
        {
            var query = context.Request.Query["q"].ToString().Trim();
            if (query.Length == 0)
            {
                return Results.Content(ListPages.Search(null, null, null, Viewers.For(context, false)), CachedResponse.HtmlType);
            }

            if (query.Length > 500)
            {
                return Errors.Page(context, 400, "Query too long", "A search query has at most 500 characters.");
            }

            return Viewers.Shared(context, viewer => pool.Read(store =>
            {
                try
                {
                    return CachedResponse.Html(ListPages.Search(query, store.Search(query, 50), null, viewer));
                }
                catch (StoreException e)
                {
                    return CachedResponse.Html(ListPages.Search(query, null, "This query is not valid: " + e.Message, viewer), 400);
                }
            }));
        }).ExcludeFromDescription();

        app.MapGet("/outlets/{name}", (string name, HttpContext context, StorePool pool) => Viewers.Shared(context, viewer => pool.Read(store =>
            store.GetOutlet(RouteText.Decode(name), 50) is { } outlet
                ? CachedResponse.Html(ListPages.Outlet(outlet, viewer))
                : CachedResponse.Html(ListPages.Error(404, "No such outlet", "No article of this outlet is stored.", viewer), 404)))).ExcludeFromDescription();

        app.MapGet("/people/{name}", (string name, HttpContext context, StorePool pool) => Viewers.Shared(context, viewer => pool.Read(store =>
            store.GetPerson(RouteText.Decode(name), 30) is { } person
                ? CachedResponse.Html(ListPages.Person(person, id => store.MainPeople(id, MainPeople), viewer))
                : CachedResponse.Html(ListPages.Error(404, "No such person", "No stored article names this person.", viewer), 404)))).ExcludeFromDescription();
    }

    private static IResult ArticlePageAsync(string id, string? outlet, HttpContext context, StorePool pool, IReactionStore counts, IPostStore posts, IUserStore users)
    {
        var detail = pool.Read(store => store.GetArticle(RouteText.Decode(id), outlet));
        if (detail is null)
        {
            return Errors.Page(context, 404, "No such article", "There is no article with this id.");
        }

        var articleId = detail.Article.Id;
        var browser = BrowserIdentity.Of(context);
        var views = BrowserIdentity.IsBot(context.Request) ? counts.Views(articleId) : counts.CountView(articleId, browser, DateTimeOffset.UtcNow, ViewWindow);
        var viewer = Viewers.For(context, forms: true);
        string? postHtml = null;
        long? editable = null;
        if (posts.FindPostByArticle(detail.Article.ExternalId) is { } post && users.FindUser(post.UserId) is { } author && author.Name == detail.Article.Outlet)
        {
            postHtml = PostMarkdown.ToHtml(post.Markdown);
            if (Viewers.User(context) is { } user && (user.Id == author.Id || user.IsAdmin))
            {
                editable = post.Id;
            }
        }

        var portal = new ArticlePortal(views, counts.ReactionCounts(articleId), counts.ReactionOf(articleId, browser), postHtml, editable);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(ArticlePage.Render(detail, portal, viewer), CachedResponse.HtmlType);
    }
}

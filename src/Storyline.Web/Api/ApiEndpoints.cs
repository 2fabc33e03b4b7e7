using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyline.Storage;
using Storyline.Storage.Portal;
using Storyline.Web.Hosting;
using Storyline.Web.Pages;
using Storyline.Web.Portal;

namespace Storyline.Web.Api;

/// <summary>The JSON API under <c>/api</c>; errors are RFC 7807 problem details.</summary>
internal static class ApiEndpoints
{
    private const int MaxLimit = 200;

    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/stories", Stories).WithSummary("Stories, newest activity first, each as a line of `storyline stories --json`.");
        api.MapGet("/stories/{id:long}", (long id, HttpContext context, StorePool pool) => Viewers.Shared(context, _ => pool.Read(store =>
            store.GetStory(id) is { } story
                ? ApiJson.Write(writer => ApiJson.Story(writer, story, store.GetStoryDetails(story.Id)))
                : NotFound($"no story {id}"))))
            .WithSummary("One story with its names, quotes and the sources each outlet cites.");
        api.MapGet("/stories/{id:long}/compare", (long id, HttpContext context, StorePool pool, ComparisonCache comparisons) => Viewers.Shared(context, _ => pool.Read(store =>
                comparisons.Get(store, id) is { } comparison
                    ? ApiJson.Write(writer => Comparison.ComparisonJson.Write(writer, comparison))
                    : NotFound($"no story {id}"))))
            .WithSummary("The story's coverage comparison, as `storyline compare STORY --json` prints it.");
        api.MapGet("/articles/{id}", Article).WithSummary("One article with its text, story, views and reactions.");
        api.MapPost("/articles/{id}/reactions", ReactAsync).RequireRateLimiting(PortalEndpoints.ReactionsLimit)
            .WithSummary("Sets this browser's reaction to an article: {\"reaction\": \"wow\"}.");
        api.MapGet("/search", Search).WithSummary("Full-text search, best match first, each as a line of `storyline search --json`.");
        api.MapPost("/articles", PostArticleAsync).RequireRateLimiting(PortalEndpoints.PostsLimit)
            .WithSummary("Ingests one article (a JSONL line of `storyline ingest`); needs Authorization: Bearer TOKEN.");
        api.MapFeeds();
    }

    private static CachedResponse NotFound(string detail) => ApiJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", "https://httpstatuses.io/404");
        writer.WriteString("title", "Not found");
        writer.WriteNumber("status", 404);
        writer.WriteString("detail", detail);
        writer.WriteEndObject();
    }, 404) with { ContentType = "application/problem+json" };

    private static IResult Stories(HttpContext context, StorePool pool, int? limit, string? before, string? outlet, string? q)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Errors.Problem(400, "Bad limit", $"limit is 1 to {MaxLimit}.");
        }

        string? beforeUtc = null;
        if (before is not null)
        {
            if (!DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return Errors.Problem(400, "Bad time", "before is an ISO 8601 date or time.");
            }

            beforeUtc = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        }

        if (q is { Length: > 500 })
        {
            return Errors.Problem(400, "Query too long", "q has at most 500 characters.");
        }

        var query = new StoryQuery(limit ?? 20, Before: beforeUtc, Outlet: string.IsNullOrWhiteSpace(outlet) ? null : outlet, Text: q);
        return Viewers.Shared(context, _ => pool.Read(store =>
        {
            try
            {
                return ApiJson.Write(writer => ApiJson.Stories(writer, store.BrowseStories(query)));
            }
            catch (StoreException e)
            {
                return ApiJson.Write(writer => ProblemJson(writer, 400, "Bad query", e.Message), 400) with { ContentType = "application/problem+json" };
            }
        }));
    }

    private static void ProblemJson(Utf8JsonWriter writer, int status, string title, string detail)
    {
        writer.WriteStartObject();
        writer.WriteString("type", $"https://httpstatuses.io/{status}");
        writer.WriteString("title", title);
        writer.WriteNumber("status", status);
        writer.WriteString("detail", detail);
        writer.WriteEndObject();
    }

    private static IResult Article(string id, string? outlet, StorePool pool, IReactionStore counts)
    {
        var detail = pool.Read(store => store.GetArticle(RouteText.Decode(id), outlet));
        return detail is null
            ? Errors.Problem(404, "Not found", $"no article '{id}'")
            : ApiJson.Write(writer => ApiJson.Article(writer, detail, counts.Views(detail.Article.Id), counts.ReactionCounts(detail.Article.Id))).ToResult();
    }

    private static async Task<IResult> ReactAsync(string id, string? outlet, HttpContext context, StorePool pool, IReactionStore counts)
    {
        if (!context.Request.HasJsonContentType())
        {
            return Errors.Problem(415, "Unsupported media type", "Send {\"reaction\": \"…\"} with Content-Type: application/json.");
        }

        string? reaction;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, context.RequestAborted).ConfigureAwait(false);
            reaction = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("reaction", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return Errors.Problem(400, "Bad JSON", "The body is not valid JSON.");
        }

        if (!Reactions.IsKnown(reaction))
        {
            return Errors.Problem(400, "Unknown reaction", "reaction is one of: " + string.Join(", ", Reactions.All) + ".");
        }

        var detail = pool.Read(store => store.GetArticle(RouteText.Decode(id), outlet));
        if (detail is null)
        {
            return Errors.Problem(404, "Not found", $"no article '{id}'");
        }

        var articleId = detail.Article.Id;
        counts.React(articleId, BrowserIdentity.Of(context), reaction!, DateTimeOffset.UtcNow);
        return ApiJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("reaction", reaction);
            ApiJson.Reactions(writer, "reactions", counts.ReactionCounts(articleId));
            writer.WriteEndObject();
        }).ToResult();
    }

    private static IResult Search(HttpContext context, StorePool pool, string? q, int? limit)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 500)
        {
            return Errors.Problem(400, "Bad query", "q is 1 to 500 characters.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Errors.Problem(400, "Bad limit", $"limit is 1 to {MaxLimit}.");
        }

        return Viewers.Shared(context, _ => pool.Read(store =>
        {
            try
            {
                return ApiJson.Write(writer => ApiJson.Hits(writer, store.Search(q, limit ?? 20)));
            }
            catch (StoreException e)
            {
                return ApiJson.Write(writer => ProblemJson(writer, 400, "Bad query", e.Message), 400) with { ContentType = "application/problem+json" };
            }
        }));
    }

    private static async Task<IResult> PostArticleAsync(HttpContext context, IUserStore users, ArticleWriter writer)
    {
        if (ApiTokens.Authenticate(context.Request, users) is not { } user)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Errors.Problem(401, "Unauthorized", "Send Authorization: Bearer TOKEN of a contributor or admin (storyline users token NAME).");
        }

        if (!context.Request.HasJsonContentType())
        {
            return Errors.Problem(415, "Unsupported media type", "Send the article as JSON with Content-Type: application/json.");
        }

        JsonObject? article;
        try
        {
            article = await JsonNode.ParseAsync(context.Request.Body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException e)
        {
            return Errors.Problem(400, "Bad JSON", e.Message);
        }

        if (article is null)
        {
            return Errors.Problem(400, "Bad article", "The body is one JSON object, as a line of ingest's JSONL.");
        }

        if (article["id"] is not JsonValue id || !id.TryGetValue<string>(out var externalId) || string.IsNullOrWhiteSpace(externalId))
        {
            article["id"] = "api-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        if (!user.IsAdmin)
        {
            // A contributor publishes under their own name, as their posts are.
            article["outlet"] = user.Name;
        }

        var outcome = await writer.IngestAsync(article, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Stored is not { } stored)
        {
            return Errors.Problem(400, "Article refused", outcome.Problem);
        }

        var body = ApiJson.Write(w => ApiJson.Article(w, stored, null, null), outcome.Duplicate ? 200 : 201);
        if (!outcome.Duplicate)
        {
            context.Response.Headers.Location = "/api" + Links.Article(stored.Article);
        }

        return body.ToResult();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Storyline.Storage;
using Storyline.Storage.Portal;
using Storyline.Web.Hosting;
using Storyline.Web.Portal;
using Storyline.Web.Rendering;

namespace Storyline.Web.Api;

/// <summary>
/// <c>GET /api/feeds</c>: the subscriptions with their polling state (as <c>storyline feeds list --json</c>);
/// <c>POST /api/feeds</c> with <c>{"url": "…"}</c> and an admin's <c>Authorization: Bearer TOKEN</c> subscribes.
/// </summary>
internal static class FeedEndpoints
{
    public static void MapFeeds(this RouteGroupBuilder api)
    {
        api.MapGet("/feeds", (StorePool pool) => ApiJson.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var feed in pool.Read(store => store.ListFeeds()))
            {
                Feeds.SubscriptionJson.Write(writer, feed);
            }

            writer.WriteEndArray();
        }).ToResult()).WithSummary("Feed subscriptions with their polling state, as `storyline feeds list --json`.");
        api.MapPost("/feeds", AddAsync).RequireRateLimiting(PortalEndpoints.PostsLimit)
            .WithSummary("Subscribes to a feed: {\"url\": \"https://…\"}; needs an admin's Authorization: Bearer TOKEN.");
    }

    private static async Task<IResult> AddAsync(HttpContext context, IUserStore users, StorePool pool)
    {
        if (ApiTokens.Authenticate(context.Request, users) is not { } user)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Errors.Problem(401, "Unauthorized", "Send Authorization: Bearer TOKEN of an admin (storyline users add NAME --admin).");
        }

        if (!user.IsAdmin)
        {
            return Errors.Problem(403, "Forbidden", "Only an admin subscribes the site to feeds.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return Errors.Problem(415, "Unsupported media type", "Send {\"url\": \"…\"} with Content-Type: application/json.");
        }

        string? url;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, context.RequestAborted).ConfigureAwait(false);
            url = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("url", out var value) && value.ValueKind == JsonValueKind.String
                ? Html.SafeUrl(value.GetString())
                : null;
        }
        catch (JsonException)
        {
            return Errors.Problem(400, "Bad JSON", "The body is not valid JSON.");
        }

        if (url is null)
        {
            return Errors.Problem(400, "Bad feed URL", "url is an absolute http or https URL.");
        }

        using var store = SqliteStoryStore.Open(pool.Path);
        var added = store.AddFeed(url, null, DateTimeOffset.UtcNow);
        var feed = store.ListFeeds().First(f => f.Url == url);
        return ApiJson.Write(writer => Feeds.SubscriptionJson.Write(writer, feed), added ? 201 : 200).ToResult();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Storyline.Storage.Portal;
using Storyline.Web.Portal;

namespace Storyline.Web.Tests;

/// <summary>The JSON API's writes: reactions (one per browser, unknown → 400) and articles posted with a token (else 401).</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TestSite.Delete(_site.Database);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task ReactionsAreOnePerBrowserAndChangeable()
    {
        using var first = _site.Browser();
        using var second = _site.Browser();
        const string Path = "/api/articles/000_6c0088076a9363ac/reactions";
        (await first.PostAsync(Path, Json("{\"reaction\": \"wow\"}"))).EnsureSuccessStatusCode();
        (await first.PostAsync(Path, Json("{\"reaction\": \"like\"}"))).EnsureSuccessStatusCode();
        using var response = await second.PostAsync(Path, Json("{\"reaction\": \"like\"}"));
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reactions = result.RootElement.GetProperty("reactions");
        Assert.Equal(2, reactions.GetProperty("like").GetInt64());
        Assert.Equal(0, reactions.GetProperty("wow").GetInt64());
        Assert.Equal(Reactions.All, reactions.EnumerateObject().Select(p => p.Name));
        using var article = JsonDocument.Parse(await first.GetStringAsync("/api/articles/000_6c0088076a9363ac"));
        Assert.Equal(2, article.RootElement.GetProperty("reactions").GetProperty("like").GetInt64());
    }

    [Theory]
    [InlineData("{\"reaction\": \"meh\"}")]
    [InlineData("{\"reaction\": \"WOW\"}")]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public async Task UnknownReactionIsABadRequestProblem(string body)
    {
        using var client = _site.Browser();
        using var response = await client.PostAsync("/api/articles/000_6c0088076a9363ac/reactions", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingWithoutAValidTokenIsUnauthorized()
    {
        using var client = _site.Browser();
        const string Article = "{\"title\": \"Unauthorised\", \"text\": \"Nobody may post this.\"}";
        using var none = await client.PostAsync("/api/articles", Json(Article));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Json(Article) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sl_not-a-token");
        using var wrong = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task ContributorPostsAnArticleThatIsIngestedUnderTheirName()
    {
        string token;
        using (var portal = SqlitePortalStore.Open(_site.Database))
        {
            var user = portal.AddUser("Jane Reporter", null, isAdmin: false)!;
            token = ApiTokens.Issue(portal, user.Id);
        }

        using var client = _site.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/api/articles", Json("""
            {"outlet": "Reuters", "title": "Musk asylum offer", "published": "2025-06-08",
             "text": "Russian lawmaker Dmitry Novikov said Russia could grant Elon Musk political asylum, TASS reported.\n\nKremlin spokesman Dmitry Peskov said the US president will handle this situation alone."}
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString()!;
        Assert.StartsWith("api-", id, StringComparison.Ordinal);
        Assert.Equal("Jane Reporter", created.RootElement.GetProperty("outlet").GetString());
        Assert.Equal(JsonValueKind.Number, created.RootElement.GetProperty("story").ValueKind);
        using var fetched = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        using var again = await client.PostAsync("/api/articles", Json($"{{\"id\": \"{id}\", \"title\": \"Musk asylum offer\", \"text\": \"x\"}}"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ThisSitesOwnWritesReachTheCachedPages()
    {
        using var client = _site.Browser();
        var before = await client.GetStringAsync("/");
        string token;
        using (var portal = SqlitePortalStore.Open(_site.Database))
        {
            token = ApiTokens.Issue(portal, portal.AddUser("Admin", null, isAdmin: true)!.Id);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsync("/api/articles", Json("{\"id\": \"q1\", \"outlet\": \"Quokka Daily\", \"title\": \"Quokka census finds record numbers\", \"text\": \"Rangers counted quokkas on Rottnest Island.\"}"))).EnsureSuccessStatusCode();
        Assert.DoesNotContain("Quokka census", before, StringComparison.Ordinal);
        Assert.Contains("Quokka census", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("Quokka Daily", await client.GetStringAsync("/outlets/Quokka%20Daily"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminsSubscribeToFeedsThroughTheApi()
    {
        string admin, contributor;
        using (var portal = SqlitePortalStore.Open(_site.Database))
        {
            admin = ApiTokens.Issue(portal, portal.AddUser("Root", null, isAdmin: true)!.Id);
            contributor = ApiTokens.Issue(portal, portal.AddUser("Writer", null, isAdmin: false)!.Id);
        }

        using var client = _site.Browser();
        Assert.Equal("[]", await client.GetStringAsync("/api/feeds"));
        const string Feed = "{\"url\": \"https://example.org/feed.xml\"}";
        using (var anonymous = await client.PostAsync("/api/feeds", Json(Feed)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", contributor);
        using (var forbidden = await client.PostAsync("/api/feeds", Json(Feed)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using (var bad = await client.PostAsync("/api/feeds", Json("{\"url\": \"javascript:alert(1)\"}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var added = await client.PostAsync("/api/feeds", Json(Feed)))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var feeds = JsonDocument.Parse(await client.GetStringAsync("/api/feeds"));
        Assert.Equal("https://example.org/feed.xml", feeds.RootElement[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task RequestsLargerThanTheLimitAreRefused()
    {
        using var client = _site.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles/000_6c0088076a9363ac/reactions")
        {
            Content = Json("{\"reaction\": \"" + new string('x', 5_000_000) + "\"}"),
        };
        request.Headers.ExpectContinue = true; // the server answers from the headers, before the body
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

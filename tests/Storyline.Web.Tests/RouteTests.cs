using System.Net;
using System.Text.Json;

namespace Storyline.Web.Tests;

/// <summary>Every page and API route answers, with the security headers, and errors are problem details or pages.</summary>
public sealed class RouteTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private readonly TestSite _site = fixture.Site;

    private static async Task<long> SeedStoryAsync(HttpClient client)
    {
        using var stories = JsonDocument.Parse(await client.GetStringAsync("/api/stories"));
        return stories.RootElement.EnumerateArray().First(s => s.GetProperty("articles").GetArrayLength() == 2).GetProperty("story").GetInt64();
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/articles/000_6c0088076a9363ac", "text/html")]
    [InlineData("/search?q=Musk", "text/html")]
    [InlineData("/search", "text/html")]
    [InlineData("/people/Elon%20Musk", "text/html")]
    [InlineData("/signin", "text/html")]
    [InlineData("/signup", "text/html")]
    [InlineData("/feed.atom", "application/atom+xml")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/static/site.css", "text/css")]
    [InlineData("/static/site.js", "text/javascript")]
    [InlineData("/api/stories", "application/json")]
    [InlineData("/api/stories?limit=1&outlet=x&before=2030-01-01", "application/json")]
    [InlineData("/api/articles/000_6c0088076a9363ac", "application/json")]
    [InlineData("/api/search?q=asylum", "application/json")]
    [InlineData("/api/feeds", "application/json")]
    public async Task RouteAnswersWithSecurityHeaders(string path, string type)
    {
        using var client = _site.Browser();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(type, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task StoryPageListsTheSeedsWithTheOriginCredit()
    {
        using var client = _site.Browser();
        var story = await SeedStoryAsync(client);
        var page = await client.GetStringAsync($"/stories/{story}");
        Assert.Contains("Russia open to granting Elon Musk political asylum", page, StringComparison.Ordinal);
        Assert.Contains("first published by PGurus", page, StringComparison.Ordinal);
        Assert.Contains("/articles/001_189017ad2c526773", page, StringComparison.Ordinal);
        Assert.Contains("Dmitry Peskov", page, StringComparison.Ordinal);
        Assert.Contains("What they all report", page, StringComparison.Ordinal);
        Assert.Contains("Quote variants", page, StringComparison.Ordinal);
        Assert.Contains("<del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>", page, StringComparison.Ordinal);
        using var comparison = JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{story}/compare"));
        Assert.Equal(story, comparison.RootElement.GetProperty("story").GetInt64());
        Assert.True(comparison.RootElement.GetProperty("passages").GetArrayLength() > 0);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/stories/{story}"));
        Assert.Equal(2, json.RootElement.GetProperty("articles").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Elon Musk");
    }

    [Fact]
    public async Task ArticlePageMarksQuotesAndNamesAndCreditsTheOrigin()
    {
        using var client = _site.Browser();
        var page = await client.GetStringAsync("/articles/000_6c0088076a9363ac");
        Assert.Contains("first published by PGurus", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"quote direct\"", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"name per\" href=\"/people/Dmitry%20Novikov\">", page, StringComparison.Ordinal);
        Assert.Contains("What's Your Reaction?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("appeared first on", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontPageFiltersByPersonAndPages()
    {
        using var client = _site.Browser();
        var musk = await client.GetStringAsync("/?person=Elon%20Musk");
        Assert.Contains("Russia open to granting Elon Musk", musk, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", musk, StringComparison.Ordinal);
        var none = await client.GetStringAsync("/?person=Nobody%20At%20All");
        Assert.Contains("No stories", none, StringComparison.Ordinal);
        var later = await client.GetStringAsync("/?from=2030-01-01");
        Assert.Contains("No stories", later, StringComparison.Ordinal);
        Assert.Contains("No stories on this page", await client.GetStringAsync("/?page=2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownThingsAreNotFoundAsProblemsUnderApiAndPagesElsewhere()
    {
        using var client = _site.Browser();
        using var api = await client.GetAsync("/api/stories/987654");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        using var compare = await client.GetAsync("/api/stories/987654/compare");
        Assert.Equal(HttpStatusCode.NotFound, compare.StatusCode);
        using var article = await client.GetAsync("/api/articles/nope");
        Assert.Equal("application/problem+json", article.Content.Headers.ContentType!.MediaType);
        using var page = await client.GetAsync("/stories/987654");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("No such story", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var nowhere = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        using var badQuery = await client.GetAsync("/api/search?q=" + new string('a', 1200));
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Equal("application/problem+json", badQuery.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApiDescribesTheJsonApi()
    {
        using var client = _site.Browser();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/stories/{id}/compare", "/api/articles/{id}", "/api/articles/{id}/reactions", "/api/search", "/api/articles", "/api/feeds" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task OutletPageShowsItsArticles()
    {
        using var client = _site.Browser();
        var page = await client.GetStringAsync("/outlets/" + Uri.EscapeDataString(TestSite.HostileOutlet));
        Assert.Contains("/articles/hostile-1", page, StringComparison.Ordinal);
    }
}

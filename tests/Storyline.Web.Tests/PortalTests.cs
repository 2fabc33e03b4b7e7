using System.Net;
using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Web.Tests;

/// <summary>The portal: views, reactions by form, accounts, contributors' posts, antiforgery and rate limits.</summary>
public sealed class PortalTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(limits: new RateLimits(Reactions: 20, SignIn: 2, SignUp: 5, Posts: 20));

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        TestSite.Delete(_site.Database);
    }

    private static async Task<long> ViewsAsync(HttpClient client, string id)
    {
        using var article = JsonDocument.Parse(await client.GetStringAsync($"/api/articles/{id}"));
        return article.RootElement.GetProperty("views").GetInt64();
    }

    [Fact]
    public async Task ViewsCountEachBrowserOnceAndNoBots()
    {
        using var reader = _site.Browser();
        using var other = _site.Browser();
        using var bot = new HttpClient { BaseAddress = new Uri(_site.Address) };
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Googlebot/2.1 (+http://www.google.com/bot.html)");
        await reader.GetStringAsync("/articles/001_189017ad2c526773");
        var page = await reader.GetStringAsync("/articles/001_189017ad2c526773");
        await other.GetStringAsync("/articles/001_189017ad2c526773");
        await bot.GetStringAsync("/articles/001_189017ad2c526773");
        Assert.Contains("1 view", page, StringComparison.Ordinal);
        Assert.Equal(2, await ViewsAsync(reader, "001_189017ad2c526773"));
    }

    [Fact]
    public async Task ReactionFormWorksWithoutScriptAndNeedsItsToken()
    {
        using var client = _site.Browser();
        using var noToken = await client.PostAsync("/articles/001_189017ad2c526773/react", new FormUrlEncodedContent([new("reaction", "sad")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var reacted = await TestSite.PostFormAsync(client, "/articles/001_189017ad2c526773", "/articles/001_189017ad2c526773/react", ("reaction", "sad"));
        Assert.Equal(HttpStatusCode.Redirect, reacted.StatusCode);
        var page = await client.GetStringAsync("/articles/001_189017ad2c526773");
        Assert.Contains("<button type=\"submit\" name=\"reaction\" value=\"sad\" class=\"mine\" aria-pressed=\"true\">sad <span class=\"count\" data-reaction=\"sad\">1</span>", page, StringComparison.Ordinal);
        using var unknown = await TestSite.PostFormAsync(client, "/articles/001_189017ad2c526773", "/articles/001_189017ad2c526773/react", ("reaction", "meh"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task ContributorSignsUpWritesEditsAndRemovesAPost()
    {
        using var client = _site.Browser();
        using var signUp = await TestSite.PostFormAsync(client, "/signup", "/signup", ("name", "Asha Writer"), ("password", "correct horse battery"));
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        const string Markdown = "Russian lawmaker **Dmitry Novikov** said Russia could grant Elon Musk asylum.\n\n<script>alert(7)</script> [bad](javascript:alert(8)) [good](https://example.org/a)";
        using var written = await TestSite.PostFormAsync(client, "/write", "/write", ("title", "Asylum for Musk?"), ("text", Markdown));
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var location = written.Headers.Location!.ToString();
        Assert.StartsWith("/articles/post-", location, StringComparison.Ordinal);
        var page = await client.GetStringAsync(location);
        Assert.Contains("<strong>Dmitry Novikov</strong>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(7)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:alert(8)", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/a\"", page, StringComparison.Ordinal);
        Assert.Contains("/outlets/Asha%20Writer", page, StringComparison.Ordinal);
        Assert.Contains("Its story", page, StringComparison.Ordinal);

        var postId = System.Text.RegularExpressions.Regex.Match(page, "/posts/(\\d+)/edit").Groups[1].Value;
        using var edited = await TestSite.PostFormAsync(client, $"/posts/{postId}/edit", $"/posts/{postId}/edit", ("title", "Asylum for Musk, edited"), ("text", "Dmitry Novikov spoke of asylum for Elon Musk."));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Asylum for Musk, edited", await client.GetStringAsync(location), StringComparison.Ordinal);

        using var stranger = _site.Browser();
        using var strangerEdit = await stranger.GetAsync($"/posts/{postId}/edit");
        Assert.NotEqual(HttpStatusCode.OK, strangerEdit.StatusCode);

        using var removed = await TestSite.PostFormAsync(client, location, $"/posts/{postId}/remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using var gone = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task SignInChecksThePasswordAndIsRateLimited()
    {
        using var client = _site.Browser();
        using var signUp = await TestSite.PostFormAsync(client, "/signup", "/signup", ("name", "Bo"), ("password", "long enough password"));
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        using var other = _site.Browser();
        using var wrong = await TestSite.PostFormAsync(other, "/signin", "/signin", ("name", "Bo"), ("password", "wrong password!"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var right = await TestSite.PostFormAsync(other, "/signin", "/signin", ("name", "bo"), ("password", "long enough password"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("storyline_auth=", string.Join(";", right.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.All(right.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.All(right.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("samesite", cookie, StringComparison.OrdinalIgnoreCase));
        using var limited = await TestSite.PostFormAsync(other, "/signin", "/signin", ("name", "Bo"), ("password", "wrong password!"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task PasswordsAreStoredAsIdentityHashes()
    {
        using var client = _site.Browser();
        (await TestSite.PostFormAsync(client, "/signup", "/signup", ("name", "Cy"), ("password", "another password"))).Dispose();
        using var portal = Storage.Portal.SqlitePortalStore.Open(_site.Database);
        var hash = portal.FindUser("Cy")!.PasswordHash!;
        Assert.DoesNotContain("another password", hash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // Identity's version 3 format
    }

    [Fact]
    public async Task AnOutletsNameCannotBeTakenBySignUp()
    {
        using var client = _site.Browser();
        using var response = await TestSite.PostFormAsync(client, "/signup", "/signup", ("name", "Evil News"), ("password", "a good password"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var taken = await TestSite.PostFormAsync(_site.Browser(), "/signup", "/signup", ("name", "evil news"), ("password", "a good password"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
    }
}

/// <summary>Views and reactions are in the database: a restarted server shows them; serving goes on while ingest writes.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task ReactionsAndViewsSurviveARestart()
    {
        var database = TestSite.CreateDatabase();
        try
        {
            await using (var site = await TestSite.StartAsync(database))
            {
                using var client = site.Browser();
                await client.GetStringAsync("/articles/000_6c0088076a9363ac");
                using var content = new StringContent("{\"reaction\": \"love\"}", System.Text.Encoding.UTF8, "application/json");
                (await client.PostAsync("/api/articles/000_6c0088076a9363ac/reactions", content)).EnsureSuccessStatusCode();
            }

            await using (var restarted = await TestSite.StartAsync(database))
            {
                using var client = restarted.Browser();
                using var article = JsonDocument.Parse(await client.GetStringAsync("/api/articles/000_6c0088076a9363ac"));
                Assert.Equal(1, article.RootElement.GetProperty("views").GetInt64());
                Assert.Equal(1, article.RootElement.GetProperty("reactions").GetProperty("love").GetInt64());
            }
        }
        finally
        {
            TestSite.Delete(database);
        }
    }

    [Fact]
    public async Task ServingGoesOnWhileIngestWrites()
    {
        await using var site = await TestSite.StartAsync();
        try
        {
            var lines = string.Join('\n', Enumerable.Range(0, 400).Select(i =>
                $"{{\"id\": \"bulk-{i}\", \"outlet\": \"Bulk {i % 7}\", \"title\": \"Bulk item {i} on topic {i % 13}\", \"published\": \"2025-07-{1 + i % 28:00}\", \"text\": \"Report {i} about topic {i % 13} with words river{i % 13} bridge{i % 5}.\"}}"));
            var ingest = Task.Run(() =>
            {
                using var store = SqliteStoryStore.Open(site.Database);
                return StorylinePipeline.Default.Ingest(["-"], store, standardInput: new StringReader(lines));
            });
            using var client = site.Browser();
            var answered = 0;
            do
            {
                foreach (var path in new[] { "/", "/api/stories?limit=5", "/articles/000_6c0088076a9363ac" })
                {
                    using var response = await client.GetAsync(path);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    answered++;
                }
            }
            while (!ingest.IsCompleted);

            Assert.Equal(400, (await ingest).Stored);
            Assert.True(answered > 0);
        }
        finally
        {
            TestSite.Delete(site.Database);
        }
    }
}

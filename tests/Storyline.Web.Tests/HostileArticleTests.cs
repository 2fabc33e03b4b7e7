using System.Text.Json;

namespace Storyline.Web.Tests;

/// <summary>
/// The hostile article (markup in its title, outlet, authors and text, a javascript: URL) is shown as text on every page
/// that shows it, and its URL is never a link.
/// </summary>
public sealed class HostileArticleTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private readonly TestSite _site = fixture.Site;

    private static readonly string[] Forbidden =
    [
        "<script>alert", "<img src=x", "<b onmouseover", "<i>Mallory", "href=\"javascript:", "<a href=\"javascript",
    ];

    public static TheoryData<string> Pages() => new()
    {
        "/",
        "/articles/hostile-1",
        "/search?q=zebrafish",
        "/outlets/" + Uri.EscapeDataString(TestSite.HostileOutlet),
        "/people/Mallory%20Example",
        "/feed.atom",
        "/api/stories",
        "/api/articles/hostile-1",
        "/api/search?q=zebrafish",
        "STORY",
        "/api/STORY",
        "/api/STORY/compare",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HostileArticleIsHarmless(string path)
    {
        using var client = _site.Browser();
        if (path.Contains("STORY", StringComparison.Ordinal))
        {
            using var article = JsonDocument.Parse(await client.GetStringAsync("/api/articles/hostile-1"));
            path = path.Replace("STORY", "stories/" + article.RootElement.GetProperty("story").GetInt64(), StringComparison.Ordinal);
        }

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || path.StartsWith("/people/", StringComparison.Ordinal), $"{path}: {response.StatusCode}");
        foreach (var forbidden in Forbidden)
        {
            Assert.DoesNotContain(forbidden, body, StringComparison.OrdinalIgnoreCase);
        }

        if (response.IsSuccessStatusCode && !path.StartsWith("/people/", StringComparison.Ordinal))
        {
            // Shown, as text: encoded in HTML and XML, escaped in JSON.
            Assert.True(
                body.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal)
                || body.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", StringComparison.Ordinal)
                || body.Contains("zebrafish", StringComparison.Ordinal),
                $"{path} does not show the hostile article");
        }
    }

    [Fact]
    public async Task HostileUrlIsTextNotALink()
    {
        using var client = _site.Browser();
        var page = await client.GetStringAsync("/articles/hostile-1");
        Assert.Contains("<span class=\"url\">javascript:alert(3)</span>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(5)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover=alert(4)&gt;Evil&lt;/b&gt; News", page, StringComparison.Ordinal);
    }
}

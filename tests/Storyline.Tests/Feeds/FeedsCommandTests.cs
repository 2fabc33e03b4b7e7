using System.Text.Json;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Feeds;

/// <summary>The <c>feeds</c> and <c>fetch</c> commands end to end, against a local server.</summary>
public sealed class FeedsCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Database => _directory.File("cli.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_site_page_is_subscribed_through_its_feed_then_fetched_listed_exported_and_removed()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>Home</body></html>", "text/html");
        server.Serve("/feed.xml", FeedSamples.Rss(server.BaseUri, "Daily Example", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0), ("b", "/b", "Vaccine trial", FeedSamples.Body(1), 1)]));
        var feedUrl = server.Url("/feed.xml").ToString();

        var refused = CliRunner.Run("feeds", "add", server.BaseUri.ToString(), "--db", Database);
        var added = CliRunner.Run("feeds", "add", server.BaseUri.ToString(), "--db", Database, "--allow-private-addresses");
        var again = CliRunner.Run("feeds", "add", feedUrl, "--db", Database, "--allow-private-addresses");
        var fetched = CliRunner.Run("fetch", "--once", "--no-analysis", "--db", Database, "--allow-private-addresses");
        var listed = CliRunner.Run("feeds", "list", "--json", "--db", Database);
        var exported = CliRunner.Run("feeds", "export", "--db", Database);
        var removed = CliRunner.Run("feeds", "remove", feedUrl, "--db", Database);
        var empty = CliRunner.Run("feeds", "list", "--db", Database);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"added {feedUrl}  Daily Example", added.Output, StringComparison.Ordinal);
        Assert.Contains("already subscribed", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, fetched.ExitCode);
        Assert.Contains("polled 1, not modified 0, new articles 2, failures 0", fetched.Error, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(listed.Output))
        {
            var feed = json.RootElement;
            Assert.Equal(feedUrl, feed.GetProperty("url").GetString());
            Assert.Equal(200, feed.GetProperty("status").GetInt32());
            Assert.Equal(2, feed.GetProperty("articles").GetInt32());
            Assert.Equal(0, feed.GetProperty("consecutive_errors").GetInt32());
        }

        Assert.Contains($"xmlUrl=\"{feedUrl}\"", exported.Output, StringComparison.Ordinal);
        Assert.Contains("<opml version=\"2.0\">", exported.Output, StringComparison.Ordinal);
        Assert.Equal(0, removed.ExitCode);
        Assert.Contains("no subscriptions", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_once_exits_1_when_a_feed_fails_and_stores_the_others()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/good", FeedSamples.Rss(server.BaseUri, "Good", [("a", "/a", "Budget approved", FeedSamples.Body(0), 0)]));
        var opml = _directory.Write("subs.opml", $"""
            <opml version="2.0"><body>
            <outline text="Good" xmlUrl="{server.Url("/good")}"/>
            <outline text="Gone" xmlUrl="{server.Url("/gone")}"/>
            <outline text="Bad" xmlUrl="ftp://example.com/feed"/>
            </body></opml>
            """);

        var imported = CliRunner.Run("feeds", "import", opml, "--db", Database);
        var fetched = CliRunner.Run("fetch", "--once", "--no-analysis", "--db", Database, "--allow-private-addresses");
        var listed = CliRunner.Run("feeds", "list", "--db", Database);

        Assert.Equal(1, imported.ExitCode);
        Assert.Contains("feeds: 2 added, 0 already subscribed, 1 refused", imported.Error, StringComparison.Ordinal);
        Assert.Equal(1, fetched.ExitCode);
        Assert.Contains($"{server.Url("/gone")}: HTTP 404", fetched.Error, StringComparison.Ordinal);
        Assert.Contains("polled 2, not modified 0, new articles 1, failures 1", fetched.Error, StringComparison.Ordinal);
        Assert.Contains("1 error in a row: HTTP 404", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_parse_reports_a_file_that_is_not_a_feed_and_parses_the_rest()
    {
        var notFeed = _directory.Write("page.html", "<html><body>Hello</body></html>");
        var feed = TestPaths.Data("feeds", "parse", "rdf.xml");

        var result = CliRunner.Run("feeds", "parse", notFeed, feed, _directory.File("missing.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a feed: the document is <html>", result.Error, StringComparison.Ordinal);
        Assert.Contains("missing.xml: no such file, directory or URL", result.Error, StringComparison.Ordinal);
        Assert.Contains("First RDF item", result.Output, StringComparison.Ordinal);
    }
}

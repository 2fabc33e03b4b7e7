using System.Text;
using Storyline.Reading.Feeds;
using Storyline.Reading.Fetching;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Feeds;

/// <summary>The feed parser: golden output of <c>feeds parse --json</c>, dates, leniency, OPML, discovery and robots.txt.</summary>
public sealed class FeedParserTests
{
    [Fact]
    public void Feeds_parse_prints_the_golden_json()
    {
        var directory = TestPaths.Data("feeds", "parse");
        var result = CliRunner.Run("feeds", "parse", directory, "--json");

        var prefix = "\"path\":\"" + directory.Replace("\\", "\\\\", StringComparison.Ordinal) + Path.DirectorySeparatorChar;
        var actual = result.Output.Replace(prefix, "\"path\":\"", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = File.ReadAllLines(TestPaths.Data("feeds", "parse.expected.jsonl"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 +0200", "2002-09-06T22:00:01Z")]
    [InlineData("07 Sep 2002 00:00 EST", "2002-09-07T05:00:00Z")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00Z")]
    [InlineData("Mon, 2 June 2025 9:05 CET", "2025-06-02T08:05:00Z")]
    [InlineData("Thursday, 01-Jan-04 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z")]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55.250-08:00", "2003-12-31T18:14:55Z")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00Z")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31 10:14", "2003-12-31T10:14:00Z")]
    [InlineData("June 7, 2025", "2025-06-07T00:00:00Z")]
    public void Dates_in_the_forms_feeds_write_them(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Sat, 31 Feb 2002 00:00:01 GMT")]
    [InlineData("2003-13-01")]
    public void Dates_that_are_not_dates_are_null(string text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public void Hostile_documents_are_reported_not_thrown()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 10_000)) + "x";
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><title>&b;</title></channel></rss>";
        var external = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>&x;</title></channel></rss>";

        foreach (var text in new[] { deep, "", "\0\0\0", "{\"version\": 1}", "[1,2", "<html><body>no</body></html>" })
        {
            var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(text));
            Assert.NotEmpty(feed.Problems);
            Assert.Empty(feed.Items);
        }

        // Declared entities are not expanded (no DTD is processed): neither a billion laughs nor a local file.
        Assert.Equal("&b;", FeedParser.Parse(Encoding.UTF8.GetBytes(bomb)).Title);
        Assert.Equal("&x;", FeedParser.Parse(Encoding.UTF8.GetBytes(external)).Title);
    }

    [Fact]
    public void The_wordpress_footer_is_read_as_the_origin_on_ingest()
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(TestPaths.Data("feeds", "parse", "wordpress.rss")), "https://www.pgurus.com/feed/");
        var item = feed.Items[0];
        var document = Storyline.Feeds.EntryDocuments.FromEntry(item, "https://www.pgurus.com/feed/", feed.Title, new("k", "id"));

        var article = StorylinePipeline.Default.Extractor.Extract(document).Article!;

        Assert.Equal("PGurus", article.SyndicationOrigin);
        Assert.DoesNotContain("appeared first", article.Text, StringComparison.Ordinal);
        Assert.Equal(["PGurus Bureau"], article.Authors);
    }

    [Fact]
    public void Opml_is_read_at_any_depth_and_written_as_opml_2()
    {
        var opml = """
            <?xml version="1.0"?>
            <opml version="1.1"><head><title>Mine</title></head><body>
              <outline text="News"><outline text="A" title="Feed A" type="rss" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/"/></outline>
              <outline text="B" xmlUrl="https://b.example/rss?x=1&amp;y=2"/>
            </body></opml>
            """;
        var (outlines, problems) = Opml.Read(Encoding.UTF8.GetBytes(opml));
        var written = Opml.Write(outlines, DateTimeOffset.UnixEpoch);
        var (again, _) = Opml.Read(Encoding.UTF8.GetBytes(written));

        Assert.Empty(problems);
        Assert.Equal([new OpmlOutline("https://a.example/feed", "Feed A", "https://a.example/"), new OpmlOutline("https://b.example/rss?x=1&y=2", "B", null)], outlines);
        Assert.Contains("<opml version=\"2.0\">", written, StringComparison.Ordinal);
        Assert.Equal(outlines, again);
    }

    [Fact]
    public void A_page_announces_its_feeds()
    {
        var html = """
            <html><head>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" type="application/rss+xml" title="RSS" href="/feed/">
            <link rel="alternate" type="application/atom+xml" href="https://cdn.example.com/atom.xml">
            <link rel="alternate" hreflang="fr" href="/fr/">
            </head></html>
            """;

        var feeds = FeedDiscovery.FindFeeds(html, new Uri("https://site.example.com/news/page"));

        Assert.Equal(["https://site.example.com/feed/", "https://cdn.example.com/atom.xml"], feeds);
    }

    [Fact]
    public void Robots_rules_follow_the_longest_match_for_our_agent()
    {
        var rules = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: Storyline
            User-agent: other
            Disallow: /private/
            Allow: /private/public-*.html$
            """, "storyline");
        var general = RobotsRules.Parse("User-agent: *\nDisallow: /search\n", "storyline");

        Assert.True(rules.Allows("/news/1"));
        Assert.False(rules.Allows("/private/2"));
        Assert.True(rules.Allows("/private/public-2.html"));
        Assert.False(rules.Allows("/private/public-2.html?x"));
        Assert.False(general.Allows("/search?q=1"));
        Assert.True(general.Allows("/news"));
    }
}

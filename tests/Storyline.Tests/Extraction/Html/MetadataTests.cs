using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.Html;

public sealed class MetadataTests
{
    private static Article Extract(string head, string body = "<p>Some text of the article, long enough to count as a paragraph of it.</p>")
    {
        var html = $"<html><head>{head}</head><body>{body}</body></html>";
        var result = new ArticleExtractor().Extract(new RawDocument { Source = "p.html", Format = DocumentFormat.Html, Content = html, ExternalId = "p" });
        Assert.Null(result.Failure);
        return result.Article!;
    }

    [Theory]
    [InlineData("<title>Storm hits the coast overnight | The Gazette</title>", "Storm hits the coast overnight")]
    [InlineData("<title>Storm hits the coast overnight - Gazette</title>", "Storm hits the coast overnight")]
    [InlineData("<meta property=\"og:site_name\" content=\"The Gazette\"><meta property=\"og:title\" content=\"Storm hits - the coast | The Gazette\">", "Storm hits - the coast")]
    [InlineData("<title>Storm - Coast</title>", "Storm - Coast")]
    public void Site_name_suffixes_are_stripped_from_titles(string head, string title)
    {
        Assert.Equal(title, Extract(head).Title);
    }

    [Fact]
    public void Json_ld_gives_authors_date_publisher_and_headline()
    {
        var article = Extract("""
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Page"},{"@type":["NewsArticle"],"headline":"The headline","datePublished":"2024-02-29T10:00:00-05:00","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],"publisher":{"@type":"Organization","name":"Example Post"},"inLanguage":"de-DE"}]}</script>
            """);

        Assert.Equal("The headline", article.Title);
        Assert.Equal("2024-02-29T15:00:00Z", article.Published?.ToString());
        Assert.Equal(["Ann Lee", "Bo Chen"], article.Authors);
        Assert.Equal("Example Post", article.Outlet);
        Assert.Equal("de", article.Language);
    }

    [Fact]
    public void Broken_json_ld_is_ignored()
    {
        var article = Extract("<title>Plain</title><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", </script>");

        Assert.Equal("Plain", article.Title);
    }

    [Fact]
    public void Date_in_the_canonical_url_is_the_last_resort()
    {
        var article = Extract("<link rel=\"canonical\" href=\"https://example.com/2019/11/19/some-story/\">");

        Assert.Equal("2019-11-19", article.Published?.ToString());
    }

    [Fact]
    public void Feed_footer_in_a_page_names_the_origin_and_is_dropped()
    {
        var article = Extract("<title>T</title>", "<article><p>Some text of the article, long enough to count as a paragraph of it.</p><p>The post T appeared first on Example Wire.</p></article>");

        Assert.Equal("Example Wire", article.SyndicationOrigin);
        Assert.DoesNotContain("appeared first", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Original_source_link_names_the_origin()
    {
        Assert.Equal("wire.example.org", Extract("<link rel=\"original-source\" href=\"https://www.wire.example.org/a/1\">").SyndicationOrigin);
    }

    [Fact]
    public void Byline_markup_names_the_author_when_no_metadata_does()
    {
        var article = Extract("<title>T</title>", "<div class=\"byline\">By <a href=\"/staff/ann\">Ann Lee</a></div><p>Some text of the article, long enough to count as a paragraph of it.</p>");

        Assert.Equal(["Ann Lee"], article.Authors);
    }
}

using System.Text;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Extraction;

public sealed class HtmlExtractionTests
{
    private static RawDocument Html(string html, string? outlet = null, string? title = null) => new()
    {
        Source = "page.html",
        Format = DocumentFormat.Html,
        Content = html,
        ExternalId = "page",
        Outlet = outlet,
        Title = title,
    };

    private static Article Extract(RawDocument document)
    {
        var result = new ArticleExtractor().Extract(document);
        Assert.Null(result.Failure);
        return result.Article!;
    }

    private const string P1 = "A senior Russian lawmaker said on Saturday that Russia could offer political asylum to Elon Musk if he ever needed it, amid his public clash with President Donald Trump.";
    private const string P2 = "Dmitry Novikov, first deputy chairman of the State Duma committee on international affairs, made the remark to the TASS news agency when asked about the feud.";
    private const string P3 = "The Kremlin spokesman said the Russian government would not interfere and that Trump would handle the situation on his own, according to the Moscow Times.";

    private static readonly string Page = $$"""
        <!doctype html>
        <html lang="en-US">
        <head>
          <title>Page title | Site</title>
          <meta property="og:title" content="  The  og   title ">
          <meta property="og:site_name" content="The Daily Example">
          <meta property="article:published_time" content="2025-06-07T07:46:00+02:00">
          <meta name="author" content="Ann Lee and Bo Chen">
          <link rel="canonical" href="https://www.example.com/news/musk-asylum">
          <script>var tracking = "TrackingScriptText";</script>
        </head>
        <body>
          <nav><ul><li><a href="/">HomeMenuLink</a></li><li><a href="/world">WorldMenuLink</a></li></ul></nav>
          <header><p>SubscribeBanner now</p></header>
          <article>
            <p>{{P1}}</p>
            <p>{{P2.Replace("TASS news agency", "TASS   news\n  agency", StringComparison.Ordinal)}}</p>
            <script>document.write("InlineScriptText")</script>
            <p>{{P3.Replace("Moscow Times", "<a href=\"https://themoscowtimes.com\">Moscow Times</a>", StringComparison.Ordinal)}}</p>
            <aside><p>RelatedLinks: other things</p></aside>
          </article>
          <footer><p>CopyrightFooter 2025</p></footer>
        </body>
        </html>
        """;

    private static string Simple(string head, string body = P1) => $"<html><head>{head}</head><body><div><p>{body}</p><p>{P2}</p></div></body></html>";

    [Fact]
    public void Og_title_is_preferred_over_the_title_element()
    {
        Assert.Equal("The og title", Extract(Html(Page)).Title);
    }

    [Fact]
    public void Title_element_is_used_without_og_title()
    {
        var article = Extract(Html(Simple("<title> Plain  title </title>")));

        Assert.Equal("Plain title", article.Title);
    }

    [Fact]
    public void Declared_title_wins_over_the_page()
    {
        Assert.Equal("From JSONL", Extract(Html(Page, title: "From JSONL")).Title);
    }

    [Fact]
    public void Paragraphs_come_from_the_article_in_order_with_whitespace_folded()
    {
        var article = Extract(Html(Page));

        var positions = new[] { P1, P2, P3 }.Select(p => article.Paragraphs.ToList().IndexOf(p)).ToList();
        Assert.All(positions, position => Assert.True(position >= 0, string.Join(" | ", article.Paragraphs)));
        Assert.True(positions[0] < positions[1] && positions[1] < positions[2]);
    }

    [Fact]
    public void Line_break_inside_a_paragraph_does_not_split_it()
    {
        var withBreak = P2.Replace("TASS news agency", "TASS<br>news agency", StringComparison.Ordinal);

        var article = Extract(Html($"<html><body><article><p>{P1}</p><p>{withBreak}</p><p>{P3}</p></article></body></html>"));

        Assert.Contains(P2, article.Paragraphs);
    }

    [Theory]
    [InlineData("TrackingScriptText")]
    [InlineData("InlineScriptText")]
    [InlineData("HomeMenuLink")]
    [InlineData("SubscribeBanner")]
    [InlineData("RelatedLinks")]
    [InlineData("CopyrightFooter")]
    public void Chrome_does_not_survive_into_the_text(string chrome)
    {
        Assert.DoesNotContain(chrome, Extract(Html(Page)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nav_footer_and_script_are_dropped_without_an_article_element()
    {
        var article = Extract(Html($$"""
            <html><body>
              <nav><p>MenuEntry one</p></nav>
              <div class="content"><p>{{P1}}</p><script>var x = "ScriptText";</script><style>p { color: red }</style><p>{{P2}}</p></div>
              <footer><p>FooterText</p></footer>
            </body></html>
            """));

        Assert.Contains(P1, article.Paragraphs);
        Assert.Contains(P2, article.Paragraphs);
        Assert.DoesNotContain("MenuEntry", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ScriptText", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color: red", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("FooterText", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_name_becomes_the_outlet()
    {
        Assert.Equal("The Daily Example", Extract(Html(Page)).Outlet);
    }

    [Fact]
    public void Declared_outlet_wins_over_the_site_name()
    {
        Assert.Equal("Declared Outlet", Extract(Html(Page, outlet: "Declared Outlet")).Outlet);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://www.news.example.org/a\">", "news.example.org")]
    [InlineData("<meta property=\"og:url\" content=\"http://example.net/b\">", "example.net")]
    public void Outlet_falls_back_to_the_url_host_without_www(string head, string host)
    {
        var article = Extract(Html(Simple(head)));

        Assert.Equal(host, article.Outlet);
        Assert.NotNull(article.Url);
    }

    [Fact]
    public void Head_metadata_is_extracted_and_normalised()
    {
        var article = Extract(Html(Page));

        Assert.Equal("https://www.example.com/news/musk-asylum", article.Url);
        Assert.Equal("2025-06-07T05:46:00Z", article.Published?.ToString());
        Assert.Equal(["Ann Lee", "Bo Chen"], article.Authors);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Time_element_gives_the_date_when_no_meta_does()
    {
        var article = Extract(Html($"<html><body><article><time datetime=\"2024-12-31\">New Year's Eve</time><p>{P1}</p><p>{P2}</p></article></body></html>"));

        Assert.Equal("2024-12-31", article.Published?.ToString());
    }

    [Theory]
    [InlineData("<html><head><title>Only a title</title></head><body></body></html>")]
    [InlineData("<html><body><nav><p>Menu</p></nav><footer><p>Footer</p></footer></body></html>")]
    [InlineData("")]
    public void Page_with_no_text_is_a_failure(string html)
    {
        var result = new ArticleExtractor().Extract(Html(html));

        Assert.Null(result.Article);
        Assert.Contains("no article text", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_divs_do_not_crash()
    {
        var html = new StringBuilder("<html><body>").Insert(12, "<div>", 10_000).Append("<p>Deep text.</p></body></html>").ToString();

        var result = new ArticleExtractor().Extract(Html(html));

        Assert.True(result.Article is not null || result.Failure is not null);
        Assert.True(result.Article is null || result.Article.Text.Contains("Deep text.", StringComparison.Ordinal));
    }

    [Fact]
    public void Hundred_thousand_nested_divs_are_handled_quickly()
    {
        var html = new StringBuilder("<html><body>").Insert(12, "<div>", 100_000).Append("<p>Deep text.</p></body></html>").ToString();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = new ArticleExtractor().Extract(Html(html));

        Assert.True(result.Article is not null || result.Failure is not null);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }

    [Fact]
    public void Html_read_from_disk_flows_through_extraction()
    {
        using var temp = new TempDirectory();
        var read = Assert.Single(new DocumentReader().ReadPath(temp.Write("story.html", Page)));

        var article = Extract(read.Document!);

        Assert.Equal("story", article.ExternalId);
        Assert.Equal("The og title", article.Title);
        Assert.Contains(P3, article.Paragraphs);
    }
}

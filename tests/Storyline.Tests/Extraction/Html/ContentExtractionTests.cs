using System.Text;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.Html;

public sealed class ContentExtractionTests
{
    private static Article Extract(string html)
    {
        var result = new ArticleExtractor().Extract(new RawDocument { Source = "p.html", Format = DocumentFormat.Html, Content = html, ExternalId = "p" });
        Assert.Null(result.Failure);
        return result.Article!;
    }

    private static string Para(int i) =>
        $"Paragraph {i} of the story tells, at some length and with commas, what happened in the city council, who voted, and why it matters.";

    private static string Paras(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(i => $"<p>{Para(i)}</p>"));

    [Fact]
    public void Chrome_marked_by_class_and_role_is_pruned_and_the_article_kept()
    {
        var article = Extract($"""
            <html><head><title>Council votes | Example News</title></head><body>
            <div class="site-menu"><a href="/">Home</a> <a href="/world">World</a></div>
            <div class="content-wrapper">
              <div class="share-bar"><a href="#">Share on Facebook</a></div>
              <div class="article-body">{Paras(0, 6)}</div>
              <div class="related-stories"><h3><a href="/x">Another story about something else entirely</a></h3><p>Teaser text of the other story that goes on for a while, with words.</p></div>
              <div id="comments"><p>I disagree with everything in this article, and here is a long comment about why that is so.</p></div>
              <div class="newsletter-signup"><p>Get our newsletter every morning in your inbox, free of charge.</p></div>
            </div>
            <div role="contentinfo"><p>© Example News</p></div>
            </body></html>
            """);

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.Equal(Para(0), article.Paragraphs[0]);
        Assert.Equal("Council votes", article.Title);
    }

    [Fact]
    public void Sections_of_one_article_are_kept_together_with_their_headings()
    {
        var article = Extract($"""
            <html><body><main>
              <section><h2>Background</h2>{Paras(0, 3)}</section>
              <section><h2>The vote</h2>{Paras(3, 3)}</section>
              <section><h2>What next</h2>{Paras(6, 2)}</section>
            </main>
            <aside>{Paras(20, 1)}</aside></body></html>
            """);

        Assert.Equal(11, article.Paragraphs.Count);
        Assert.Contains("The vote", article.Paragraphs);
        Assert.DoesNotContain(Para(20), article.Paragraphs);
    }

    [Fact]
    public void Teasers_of_other_stories_are_not_merged_in()
    {
        var teasers = string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"<article><h3><a href=\"/s{i}\">Other story number {i} headline</a></h3><p>{Para(100 + i)}</p></article>"));
        var article = Extract($"""
            <html><body><div class="page">
              <div class="story">{Paras(0, 6)}</div>
              <div class="more"><h2>More news</h2>{teasers}</div>
            </div></body></html>
            """);

        Assert.Equal(6, article.Paragraphs.Count);
    }

    [Fact]
    public void Captions_and_figures_are_dropped()
    {
        var article = Extract($"""
            <html><body><article>{Paras(0, 2)}<figure><img src="a.jpg"><figcaption>The mayor, pictured in 2020.</figcaption></figure>{Paras(2, 2)}</article></body></html>
            """);

        Assert.DoesNotContain("pictured", article.Text, StringComparison.Ordinal);
        Assert.Equal(4, article.Paragraphs.Count);
    }

    [Fact]
    public void Streamed_hidden_parts_are_content_but_hidden_popups_are_not()
    {
        var article = Extract($"""
            <html><body><div hidden id="S:0"><div class="post">{Paras(0, 5)}</div></div>
            <div hidden class="modal-like"><p>Log in to continue reading this and many other stories today.</p></div></body></html>
            """);

        Assert.Equal(5, article.Paragraphs.Count);
    }

    [Fact]
    public void Json_ld_article_body_is_the_fallback_when_the_page_shows_little()
    {
        var body = string.Join("\\n", Enumerable.Range(0, 5).Select(Para));
        var article = Extract($$"""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD","articleBody":"{{body}}"}</script></head>
            <body><div id="app"><p>Loading…</p></div></body></html>
            """);

        Assert.Equal(5, article.Paragraphs.Count);
        Assert.Equal("From JSON-LD", article.Title);
    }

    [Fact]
    public void Hundred_thousand_nested_spans_do_not_overflow_the_stack()
    {
        var html = new StringBuilder("<html><body><p>").Insert(15, "<span>", 100_000).Append("Deep text in a paragraph.</p></body></html>").ToString();

        var result = new ArticleExtractor().Extract(new RawDocument { Source = "p.html", Format = DocumentFormat.Html, Content = html, ExternalId = "p" });

        Assert.True(result.Article is not null || result.Failure is not null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hundred_thousand_nested_divs_are_extracted_quickly(bool closed)
    {
        var html = new StringBuilder("<html><body>").Insert(12, "<div>", 100_000).Append("<p>Deep text.</p>")
            .Append(closed ? string.Concat(Enumerable.Repeat("</div>", 100_000)) : "").Append("</body></html>").ToString();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var article = Extract(html);

        Assert.Equal("Deep text.", article.Text);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
    }
}

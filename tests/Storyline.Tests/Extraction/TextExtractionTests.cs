using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Extraction;

public sealed class TextExtractionTests
{
    private static RawDocument Text(string content, string? title = null, string? url = null, string? outlet = null, string? published = null) => new()
    {
        Source = "test.txt",
        Format = DocumentFormat.PlainText,
        Content = content,
        ExternalId = "test",
        Title = title,
        Url = url,
        Outlet = outlet,
        Published = published,
    };

    private static Article Extract(RawDocument document)
    {
        var result = new ArticleExtractor().Extract(document);
        Assert.Null(result.Failure);
        return result.Article!;
    }

    private static Article ExtractSeed(string name)
    {
        var read = Assert.Single(new DocumentReader().ReadPath(TestPaths.Samples(name)));
        return Extract(read.Document!);
    }

    [Fact]
    public void Seed_000_title_is_its_short_first_line()
    {
        var article = ExtractSeed("000_6c0088076a9363ac.txt");

        Assert.Equal("Russia open to granting Elon Musk political asylum amid clash with Trump", article.Title);
        Assert.StartsWith("Dmitry Novikov comments", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("000_6c0088076a9363ac", article.ExternalId);
    }

    [Fact]
    public void Seed_001_has_its_header_date_and_a_title_from_its_lead()
    {
        var article = ExtractSeed("001_189017ad2c526773.txt");

        Assert.Equal("2025-06-07", article.Published?.ToString());
        Assert.Equal(TimePrecision.Date, article.Published?.Precision);
        Assert.StartsWith("Russian lawmaker Dmitry Novikov has proposed", article.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(".", article.Title, StringComparison.Ordinal);
        Assert.StartsWith("Russian lawmaker", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Title_comes_from_the_lead_sentence_when_none_is_given()
    {
        var article = Extract(Text("Officials in the capital approved the budget on Monday. It takes effect next week.\n\nA second paragraph follows."));

        Assert.Equal("Officials in the capital approved the budget on Monday", article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("Officials in the capital", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Single_paragraph_is_never_consumed_as_a_title()
    {
        var article = Extract(Text("Short line without a stop"));

        Assert.Equal("Short line without a stop", article.Title);
        Assert.Equal(["Short line without a stop"], article.Paragraphs);
    }

    [Fact]
    public void Long_lead_without_a_stop_is_cut_at_a_word_boundary()
    {
        var lead = string.Join(' ', Enumerable.Repeat("wordy", 60));

        var article = Extract(Text(lead + ".\n\nSecond."));

        Assert.EndsWith("…", article.Title, StringComparison.Ordinal);
        Assert.InRange(article.Title!.Length, 41, 161);
        Assert.StartsWith(article.Title[..^1], lead, StringComparison.Ordinal);
        Assert.EndsWith("wordy…", article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_split_on_blank_lines_with_whitespace_folded()
    {
        var content = "\n  First   line\r\n  wrapped\there \n\n\n \t \n Second\u00A0\u00A0para  \u200B end \n\nThird.";

        var article = Extract(Text(content, title: "Declared"));

        Assert.Equal(["First line wrapped here", "Second para end", "Third."], article.Paragraphs);
        Assert.Equal("First line wrapped here\n\nSecond para end\n\nThird.", article.Text);
    }

    [Fact]
    public void Declared_title_is_kept_whitespace_folded_and_first_line_stays_in_the_body()
    {
        var article = Extract(Text("A short headline like line\n\nBody text here.", title: "  Declared \n  title  "));

        Assert.Equal("Declared title", article.Title);
        Assert.Equal("A short headline like line", article.Paragraphs[0]);
    }

    [Fact]
    public void First_line_ending_with_a_full_stop_is_not_a_title()
    {
        var article = Extract(Text("This one is a real sentence.\n\nAnd another one follows."));

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("This one is a real sentence", article.Title);
    }

    [Fact]
    public void Metadata_is_normalised()
    {
        var article = Extract(Text("Body text.", title: "T", url: "https://www.example.co.uk/news/1", published: "Jun 7, 2025 - 07:46"));

        Assert.Equal("example.co.uk", article.Outlet);
        Assert.Equal("https://www.example.co.uk/news/1", article.Url);
        Assert.Equal("2025-06-07T07:46:00", article.Published?.ToString());
        Assert.False(article.Published?.ZoneKnown);
    }

    [Fact]
    public void Declared_outlet_wins_over_the_url_host()
    {
        var article = Extract(Text("Body.", title: "T", url: "https://www.example.com/x", outlet: "  Example Daily "));

        Assert.Equal("Example Daily", article.Outlet);
    }

    [Fact]
    public void Language_header_is_normalised_to_its_iso_code()
    {
        using var temp = new TempDirectory();
        var read = Assert.Single(new DocumentReader().ReadPath(temp.Write("x.txt", "lang en-GB\n\nSome body text.")));

        var article = Extract(read.Document!);

        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Headline_only_document_is_an_article_without_paragraphs()
    {
        var article = Extract(Text(string.Empty, title: "Fed holds rates"));

        Assert.Equal("Fed holds rates", article.Title);
        Assert.Empty(article.Paragraphs);
        Assert.Equal(string.Empty, article.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\n\t ")]
    public void Text_with_nothing_in_it_is_a_failure(string content)
    {
        var result = new ArticleExtractor().Extract(Text(content));

        Assert.Null(result.Article);
        Assert.Contains("no article text", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void External_id_falls_back_to_the_source()
    {
        var document = new RawDocument { Source = "stdin:4", Format = DocumentFormat.PlainText, Content = "Body." };

        Assert.Equal("stdin:4", Extract(document).ExternalId);
    }
}

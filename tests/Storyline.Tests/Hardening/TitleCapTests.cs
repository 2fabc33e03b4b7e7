namespace Storyline.Tests.Hardening;

/// <summary>A title of megabytes is cut, not stored and printed whole (issue 25, case 19).</summary>
public sealed class TitleCapTests
{
    [Fact]
    public void A_declared_title_longer_than_the_cap_is_cut_at_a_space()
    {
        var title = string.Concat(Enumerable.Repeat("flood ", 100_000));
        var document = new Storyline.Reading.RawDocument
        {
            Source = "-:1", Format = Storyline.Reading.DocumentFormat.PlainText, Content = "Heavy rain closed the highway.", Title = title, ExternalId = "a",
        };

        var article = new Storyline.Extraction.ArticleExtractor().Extract(document).Article!;

        Assert.InRange(article.Title!.Length, 500, Storyline.Extraction.ArticleExtractor.MaxDeclaredTitleChars);
        Assert.EndsWith("flood…", article.Title, StringComparison.Ordinal);
    }
}

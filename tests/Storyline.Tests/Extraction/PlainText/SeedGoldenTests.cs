using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.PlainText;

public sealed class SeedGoldenTests
{
    private static Article Seed(string name)
    {
        var read = Assert.Single(new DocumentReader().ReadPath(TestPaths.Samples(name)));
        var result = new ArticleExtractor().Extract(read.Document!);
        Assert.Null(result.Failure);
        return result.Article!;
    }

    private static string Golden(string name) => File.ReadAllText(TestPaths.Data("extraction", name)).TrimEnd('\n');

    [Fact]
    public void Seed_000_comes_out_as_its_article_paragraphs_only()
    {
        var article = Seed("000_6c0088076a9363ac.txt");

        Assert.Equal(Golden("seed-000.golden.txt"), article.Text);
        Assert.Equal("PGurus", article.SyndicationOrigin);
        Assert.Equal("2025-06-07T07:46:00", article.Published?.ToString());
        Assert.False(article.Published?.ZoneKnown);
        Assert.True(article.BoilerplateRemoved > 0);
    }

    [Theory]
    [InlineData("appeared first")]
    [InlineData("download")]
    [InlineData("Reaction")]
    [InlineData("https://")]
    [InlineData("[…]")]
    [InlineData("Jun 7, 2025")]
    [InlineData("\nlike\n")]
    [InlineData("तपाईं")]
    public void Seed_000_keeps_none_of_the_chrome(string chrome)
    {
        Assert.DoesNotContain(chrome, Seed("000_6c0088076a9363ac.txt").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_001_text_is_unchanged_and_dated()
    {
        var article = Seed("001_189017ad2c526773.txt");

        Assert.Equal(Golden("seed-001.golden.txt"), article.Text);
        Assert.Equal("2025-06-07", article.Published?.ToString());
        Assert.Null(article.SyndicationOrigin);
        Assert.Equal(0, article.BoilerplateRemoved);
    }
}

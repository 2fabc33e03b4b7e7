using Storyline.Extraction;
using Storyline.Extraction.PlainText;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.PlainText;

public sealed class LineClassifierTests
{
    // A made-up page dump (not a seed): navigation, headline, byline and date, five paragraphs, then
    // share buttons, related links and the legal footer.
    private const string Dump = ""
            + "Skip to content\n"
            + "Home\n"
            + "World\n"
            + "Business\n"
            + "Technology\n"
            + "Sign in\n"
            + "Subscribe\n"
            + "\n"
            + "Harbour city opens new flood barrier after decade of delays\n"
            + "\n"
            + "By Jane Example\n"
            + "March 3, 2024\n"
            + "\n"
            + "The new flood barrier at the mouth of the harbour was opened on Tuesday, ten years after work on it began and four years later than first planned.\n"
            + "\n"
            + "Engineers say the barrier can hold back a surge two metres higher than the worst storm on record, protecting some forty thousand homes along the river.\n"
            + "\n"
            + "The project cost nearly twice its original budget, a fact critics in the city council have raised at every meeting since construction stalled in 2019.\n"
            + "\n"
            + "\"We were told it would be finished before my children left school,\" said one resident, who has lived beside the river for thirty years. \"They are at university now.\"\n"
            + "\n"
            + "The city's mayor defended the delays, saying that the ground beneath the harbour had proved far softer than the first surveys had shown.\n"
            + "\n"
            + "Share this article\n"
            + "Facebook\n"
            + "Twitter\n"
            + "Email\n"
            + "\n"
            + "Related\n"
            + "Storm warning issued for the coast\n"
            + "Council votes on new budget\n"
            + "Ferry services cut for winter\n"
            + "\n"
            + "© 2024 Example Media. All rights reserved.\n"
            + "Privacy Policy\n"
            + "Terms of Use\n";

    private static Article Extract(string content)
    {
        var result = new ArticleExtractor().Extract(new RawDocument { Source = "t.txt", Format = DocumentFormat.PlainText, Content = content, ExternalId = "t" });
        Assert.Null(result.Failure);
        return result.Article!;
    }

    [Fact]
    public void Shipped_model_loads_with_one_weight_per_feature()
    {
        var model = LineModel.Default;

        Assert.Equal(LineFeatures.Names.Length, model.Weights.Count);
        Assert.All(model.Weights, w => Assert.True(double.IsFinite(w)));
        Assert.True(double.IsFinite(model.Bias));
        Assert.InRange(model.Smoothing, 0, 0.99);
    }

    [Fact]
    public void Weights_that_do_not_match_the_features_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LineModel(0, new double[LineFeatures.Names.Length - 1]));
    }

    [Fact]
    public void Chrome_around_a_dumped_article_goes_and_its_paragraphs_stay()
    {
        var article = Extract(Dump);

        Assert.Equal(5, article.Paragraphs.Count);
        Assert.StartsWith("The new flood barrier", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("The city's mayor", article.Paragraphs[^1], StringComparison.Ordinal);
        foreach (var chrome in new[] { "Subscribe", "Share this article", "Twitter", "Ferry services", "Privacy Policy", "All rights reserved" })
        {
            Assert.DoesNotContain(chrome, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_dumped_article_takes_the_headline_above_it_not_the_navigation()
    {
        var article = Extract(Dump);

        Assert.Equal("Harbour city opens new flood barrier after decade of delays", article.Title);
    }

    [Fact]
    public void A_declared_title_is_kept_over_the_headline_found_in_the_dump()
    {
        var result = new ArticleExtractor().Extract(new RawDocument { Source = "t.txt", Format = DocumentFormat.PlainText, Content = Dump, ExternalId = "t", Title = "Declared" });

        Assert.Equal("Declared", result.Article!.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("|||\n\n...\n\n0\n\n0\n\n0")]
    [InlineData("\u0000\u0001\uFFFF\uD800 broken surrogate\n\n\u202E reversed")]
    [InlineData("The post appeared first on .")]
    public void Hostile_input_never_throws(string content)
    {
        var blocks = TextBoilerplate.Blocks(content);
        var exception = Record.Exception(() => TextBoilerplate.Clean(blocks, null));

        Assert.Null(exception);
    }

    [Fact]
    public void Long_and_repetitive_input_never_throws()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? new string('x', 5000)
            : i % 5 == 0 ? "https://example.org/" + i
            : string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0x3000))));
        var blocks = TextBoilerplate.Blocks(string.Join("\n", lines));

        var result = TextBoilerplate.Clean(blocks, "x");

        Assert.NotEmpty(result.Paragraphs);
    }
}

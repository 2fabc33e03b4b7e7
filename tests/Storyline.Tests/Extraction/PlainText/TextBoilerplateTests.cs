using Storyline.Extraction;
using Storyline.Extraction.PlainText;
using Storyline.Reading;

namespace Storyline.Tests.Extraction.PlainText;

public sealed class TextBoilerplateTests
{
    private static Article Extract(string content)
    {
        var result = new ArticleExtractor().Extract(new RawDocument { Source = "t.txt", Format = DocumentFormat.PlainText, Content = content, ExternalId = "t" });
        Assert.Null(result.Failure);
        return result.Article!;
    }

    private const string Body = "The council approved the new budget on Monday, after a long debate about schools and roads.\n\n"
        + "Opponents said the plan would raise taxes, while supporters argued it was overdue.";

    [Fact]
    public void Feed_footer_names_the_syndication_origin_and_is_dropped()
    {
        var article = Extract($"Budget passes after long debate\n\n{Body}\n\nThe post Budget passes after long debate appeared first on Example Times.");

        Assert.Equal("Example Times", article.SyndicationOrigin);
        Assert.DoesNotContain("appeared first", article.Text, StringComparison.Ordinal);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Header_block_of_stamp_counter_and_repeated_title_goes_and_the_stamp_dates_the_article()
    {
        var article = Extract($"Budget passes after long debate\n\nMar 3, 2024 - 18:05\n 12\nBudget passes after long debate\nA deck line under the title\n\n{Body}");

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("2024-03-03T18:05:00", article.Published?.ToString());
        Assert.False(article.Published?.ZoneKnown);
    }

    [Fact]
    public void Widget_label_runs_and_their_question_are_dropped()
    {
        var article = Extract($"{Body}\n\nHow do you feel?\n\nhappy\n\nsad\n\nangry\n\nsurprised");

        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Lines_in_another_script_and_calls_to_action_are_dropped()
    {
        var article = Extract($"{Body}\n\nFor the latest news, download the Example app.\n\nПодпишитесь на нашу рассылку прямо сейчас https://example.org/signup");

        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Short_subheadings_and_clean_text_are_kept()
    {
        var article = Extract($"{Body}\n\nWhat comes next\n\nThe mayor will sign it on Friday.");

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.Equal(0, article.BoilerplateRemoved);
    }

    [Fact]
    public void Cleaning_never_empties_a_document()
    {
        var article = Extract("Share\n\nLike\n\nFollow");

        Assert.NotEmpty(article.Paragraphs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("one")]
    [InlineData("  two  words ")]
    [InlineData("tab\tis not a separator here")]
    [InlineData("Share this story  on   Facebook")]
    public void Words_are_counted_as_splitting_on_spaces_counts_them(string line)
    {
        Assert.Equal(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, TextBoilerplate.CountWords(line));
    }
}

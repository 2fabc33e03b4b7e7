using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var (_, sentences) = SentenceSplitter.Split(text);
        return [.. sentences.Select(s => text[s.Start..s.End])];
    }

    [Fact]
    public void Splits_at_terminal_punctuation()
    {
        Assert.Equal(["Musk left.", "Trump stayed!", "Why?", "Because."], Sentences("Musk left. Trump stayed! Why? Because."));
    }

    [Fact]
    public void Titles_months_and_initials_do_not_end_sentences()
    {
        Assert.Equal(["Mr. Novikov met Dr. J. R. Smith on Sept. 11 in St. Petersburg."],
            Sentences("Mr. Novikov met Dr. J. R. Smith on Sept. 11 in St. Petersburg."));
    }

    [Fact]
    public void Acronyms_end_a_sentence_only_before_a_sentence_start()
    {
        Assert.Equal(["He moved to the U.S. Senate yesterday."], Sentences("He moved to the U.S. Senate yesterday."));
        Assert.Equal(["He moved to the U.S.", "The move was quick."], Sentences("He moved to the U.S. The move was quick."));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence_and_open_quotes_are_carried()
    {
        const string text = "Novikov said: “I think so. He is wrong.” Peskov disagreed. “Stop!” he said.";
        var (_, sentences) = SentenceSplitter.Split(text);
        Assert.Equal(["Novikov said: “I think so.", "He is wrong.”", "Peskov disagreed.", "“Stop!” he said."], sentences.Select(s => text[s.Start..s.End]));
        Assert.Equal([0, 1, 0, 0], sentences.Select(s => s.QuoteDepth));
    }

    [Fact]
    public void Paragraph_breaks_always_end_sentences()
    {
        const string text = "A headline without a stop\n\nThe body starts here. It goes on";
        var (_, sentences) = SentenceSplitter.Split(text);
        Assert.Equal(["A headline without a stop", "The body starts here.", "It goes on"], sentences.Select(s => text[s.Start..s.End]));
        Assert.Equal([0, 1, 1], sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Paragraphs_are_spans_between_blank_lines()
    {
        const string text = "  First one\nstill first\n \nSecond\n\n\n";
        var paragraphs = SentenceSplitter.Paragraphs(text);
        Assert.Equal(["First one\nstill first", "Second"], paragraphs.Select(p => text[p.Start..p.End]));
    }

    [Fact]
    public void Empty_text_has_no_sentences()
    {
        Assert.Empty(SentenceSplitter.Split("   ").Sentences);
    }
}

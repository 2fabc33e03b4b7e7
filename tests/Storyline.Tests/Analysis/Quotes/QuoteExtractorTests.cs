using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;

namespace Storyline.Tests.Analysis.Quotes;

public sealed class QuoteExtractorTests
{
    private static readonly QuoteExtractor SpeechOnly = new(EntityRecognizer.Default, includeStances: false);

    [Theory]
    [InlineData("000_6c0088076a9363ac.txt", "completely different game", "Novikov")]
    [InlineData("000_6c0088076a9363ac.txt", "he is an illegal alien", "Bannon")]
    [InlineData("000_6c0088076a9363ac.txt", "domestic issue of the United States", "Peskov")]
    [InlineData("001_189017ad2c526773.txt", "completely different game", "Novikov")]
    [InlineData("001_189017ad2c526773.txt", "he is an illegal alien", "Bannon")]
    [InlineData("001_189017ad2c526773.txt", "domestic issue of the United States", "Peskov")]
    public void Seed_quotes_have_their_speakers(string seed, string words, string speaker)
    {
        var text = File.ReadAllText(TestPaths.Samples(seed));
        var quote = Assert.Single(QuoteExtractor.Default.Extract(text), q => q.Direct && q.Text.Contains(words, StringComparison.Ordinal));
        Assert.NotNull(quote.Speaker);
        Assert.Contains(speaker, quote.Speaker, StringComparison.Ordinal);
        Assert.Equal(quote.Text, text[quote.Start..quote.End]);
        Assert.Contains(speaker, text[quote.SpeakerStart!.Value..quote.SpeakerEnd!.Value], StringComparison.Ordinal);
        Assert.Equal(quote.Cue, text[quote.CueStart!.Value..quote.CueEnd!.Value]);
    }

    [Fact]
    public void Quotes_of_a_text_are_the_same_after_a_longer_text_on_the_same_thread()
    {
        // The token maps are reused from one text to the next on a thread: nothing of the longer text may remain.
        var seed = File.ReadAllText(TestPaths.Samples("001_189017ad2c526773.txt"));
        const string shortText = "\"We will rebuild the bridge,\" Mayor Jane Example said on Tuesday. She added that work starts in May.";
        static string Describe(IReadOnlyList<Quote> quotes) => string.Join("\n", quotes.Select(q => $"{q.Start}-{q.End} {q.Speaker} {q.Cue} {q.Direct}"));

        string? alone = null, afterSeed = null;
        var seedQuotes = 0;
        var fresh = new Thread(() => alone = Describe(QuoteExtractor.Default.Extract(shortText)));
        fresh.Start();
        fresh.Join();
        var reused = new Thread(() =>
        {
            seedQuotes = QuoteExtractor.Default.Extract(seed).Count;
            afterSeed = Describe(QuoteExtractor.Default.Extract(shortText));
        });
        reused.Start();
        reused.Join();

        Assert.True(seedQuotes > 3);
        Assert.Contains("Jane said", alone, StringComparison.Ordinal);
        Assert.Equal(alone, afterSeed);
    }

    [Fact]
    public void A_quote_missing_its_opening_mark_runs_from_the_paragraph_start()
    {
        const string text = "Dmitry Novikov spoke on Friday.\n\nI think that Musk has a completely different game, Russia could provide it,” Novikov stated when asked.";
        var quote = Assert.Single(QuoteExtractor.Default.Extract(text), q => q.Direct);
        Assert.StartsWith("I think that Musk", quote.Text, StringComparison.Ordinal);
        Assert.EndsWith("provide it,”", quote.Text, StringComparison.Ordinal);
        Assert.Equal("Dmitry Novikov", quote.Speaker);
        Assert.Equal("stated", quote.Cue);
    }

    [Fact]
    public void A_quote_continues_into_the_next_quoted_paragraph()
    {
        const string text = "Senator John Smith said: “The first part goes on here without closing.\n\n“And the second part ends it.”\n\nThe vote is on Monday.";
        var quote = Assert.Single(QuoteExtractor.Default.Extract(text), q => q.Direct);
        Assert.Contains("first part", quote.Text, StringComparison.Ordinal);
        Assert.EndsWith("ends it.”", quote.Text, StringComparison.Ordinal);
        Assert.Equal("John Smith", quote.Speaker);
    }

    [Theory]
    [InlineData("“We will win this fight in the courts,” said Maria Lopez, the governor.", "Maria Lopez", "said")]
    [InlineData("“We will win this fight in the courts,” Maria Lopez said.", "Maria Lopez", "said")]
    [InlineData("Maria Lopez told reporters: “We will win this fight in the courts.”", "Maria Lopez", "told")]
    public void Direct_quotes_take_the_speaker_next_to_the_cue(string text, string speaker, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Default.Extract(text));
        Assert.True(quote.Direct);
        Assert.Contains("win this fight", quote.Text, StringComparison.Ordinal);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(cue, quote.Cue);
    }

    [Fact]
    public void Pronouns_and_descriptions_resolve_to_the_person_named_before()
    {
        const string text = "Dmitry Novikov met the press in Moscow. “Russia could provide it,” he said. "
            + "The lawmaker added that Musk would not need asylum at all.";
        var quotes = SpeechOnly.Extract(text);
        var direct = Assert.Single(quotes, q => q.Direct);
        Assert.Equal("he", text[direct.SpeakerStart!.Value..direct.SpeakerEnd!.Value]);
        Assert.Equal("Dmitry Novikov", direct.Speaker);
        var indirect = Assert.Single(quotes, q => !q.Direct);
        Assert.Equal("The lawmaker", text[indirect.SpeakerStart!.Value..indirect.SpeakerEnd!.Value]);
        Assert.Equal("Dmitry Novikov", indirect.Speaker);
        Assert.Equal("that Musk would not need asylum at all", indirect.Text);
    }

    [Theory]
    [InlineData("Maria Lopez said that the budget would pass next week.", "that the budget would pass next week", "Maria Lopez", "said")]
    [InlineData("According to Maria Lopez, the budget would pass next week.", "the budget would pass next week", "Maria Lopez", "According to")]
    [InlineData("The budget would pass next week, Maria Lopez said.", "The budget would pass next week", "Maria Lopez", "said")]
    public void Indirect_speech_is_found(string text, string content, string speaker, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Default.Extract(text));
        Assert.False(quote.Direct);
        Assert.Equal(content, quote.Text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(cue, quote.Cue);
    }

    [Fact]
    public void Stances_without_a_speech_verb_are_attributions_unless_turned_off()
    {
        // A stance the classifier keeps; "Hillary Clinton hired three new pollsters" is a candidate it now drops.
        const string text = "Hillary Clinton opposes the trade deal with Asian countries.";
        var stance = Assert.Single(QuoteExtractor.Default.Extract(text));
        Assert.False(stance.Direct);
        Assert.Equal("the trade deal with Asian countries", stance.Text);
        Assert.Equal("opposes", stance.Cue);
        Assert.Equal("Hillary Clinton", stance.Speaker);
        Assert.Empty(SpeechOnly.Extract(text));
    }

    [Fact]
    public void A_partial_quote_in_indirect_speech_is_one_statement_with_it()
    {
        // Issue 23: the nested quote was a second statement of the same cue, so `show` listed Bannon's words twice.
        const string text = "Steve Bannon claimed that Musk is “an illegal alien” and should leave.";
        var statement = Assert.Single(QuoteExtractor.Default.Extract(text));
        Assert.False(statement.Direct);
        Assert.Contains("“an illegal alien”", statement.Text, StringComparison.Ordinal);
        Assert.Equal("Steve Bannon", statement.Speaker);
        Assert.Equal("claimed", statement.Cue);
    }

    [Fact]
    public void Text_without_attributions_gives_nothing_and_extraction_is_thread_safe()
    {
        Assert.Empty(QuoteExtractor.Default.Extract(string.Empty));
        Assert.Empty(QuoteExtractor.Default.Extract("The weather was fine in Moscow on Friday."));
        var text = File.ReadAllText(TestPaths.Samples("001_189017ad2c526773.txt"));
        var expected = QuoteExtractor.Default.Extract(text);
        var results = new IReadOnlyList<Quote>[8];
        Parallel.For(0, results.Length, i => results[i] = QuoteExtractor.Default.Extract(text));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}

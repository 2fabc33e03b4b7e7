using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void Words_numbers_and_punctuation_have_offsets()
    {
        const string text = "Musk paid $1,000.50 on 07:46, (really).";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Musk", "paid", "$", "1,000.50", "on", "07:46", ",", "(", "really", ")", "."], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(TokenKind.Number, tokens[3].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[2].Kind);
        Assert.All(tokens, t => Assert.Equal(t.Start + t.Length, t.End));
    }

    [Fact]
    public void Clitics_and_possessives_are_split_but_names_with_apostrophes_are_not()
    {
        Assert.Equal(["Musk", "'s", "plan", "do", "n't", "O'Brien", "we", "’re"], Words("Musk's plan don't O'Brien we’re"));
        Assert.True(Tokenizer.Tokenize("Musk’s")[1].Has(TokenTraits.Clitic));
    }

    [Fact]
    public void A_thread_tokenising_a_long_text_then_a_short_one_gives_the_short_one_its_own_tokens()
    {
        const string text = "Musk paid $1,000.50 on 07:46.";
        var alone = RunOnNewThread(() => Tokenizer.Tokenize(text));
        var (longTokens, after) = RunOnNewThread(() =>
        {
            var first = Tokenizer.Tokenize(string.Concat(Enumerable.Repeat("The mayor of Springfield said so. ", 5_000)));
            return (first, Tokenizer.Tokenize(text));
        });

        // The thread's gathering list is reused; each result is a copy at its exact length.
        Assert.Equal(alone, after);
        Assert.Equal(35_000, longTokens.Length);
        Assert.Equal("Springfield", "The mayor of Springfield said so. "[longTokens[3].Start..longTokens[3].End]);
    }

    private static T RunOnNewThread<T>(Func<T> work)
    {
        T result = default!;
        var thread = new Thread(() => result = work());
        thread.Start();
        thread.Join();
        return result;
    }

    [Fact]
    public void Abbreviations_keep_their_dot()
    {
        Assert.Equal(["Mr.", "Novikov", "of", "the", "U.S.", "on", "Sept.", "11", "J.", "Smith", "end", "."],
            Words("Mr. Novikov of the U.S. on Sept. 11 J. Smith end."));
        Assert.Equal(["state-run", "AT&T", "e.g.", "and", "/", "or"], Words("state-run AT&T e.g. and/or"));
    }

    [Fact]
    public void Quotes_are_told_apart()
    {
        const string text = "He said \"no\" and “yes” and ‘maybe’ and ``so''.";
        var quotes = Tokenizer.Tokenize(text).Where(t => t.IsQuote).Select(t => (text[t.Start..t.End], t.Kind)).ToList();
        Assert.Equal(
            [("\"", TokenKind.OpenQuote), ("\"", TokenKind.CloseQuote), ("“", TokenKind.OpenQuote), ("”", TokenKind.CloseQuote),
             ("‘", TokenKind.OpenQuote), ("’", TokenKind.CloseQuote), ("``", TokenKind.OpenQuote), ("''", TokenKind.CloseQuote)],
            quotes);
    }

    [Fact]
    public void Line_and_paragraph_breaks_are_marked()
    {
        var tokens = Tokenizer.Tokenize("One\ntwo\n\nthree");
        Assert.True(tokens[1].Has(TokenTraits.LineBefore));
        Assert.False(tokens[1].Has(TokenTraits.ParagraphBefore));
        Assert.True(tokens[2].Has(TokenTraits.ParagraphBefore));
    }
}

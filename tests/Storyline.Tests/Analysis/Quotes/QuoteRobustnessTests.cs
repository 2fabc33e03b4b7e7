using Storyline.Analysis.Quotes;

namespace Storyline.Tests.Analysis.Quotes;

public sealed class QuoteRobustnessTests
{
    private const string Alphabet = "aZ9 .,'’\"“”‘`-–—―()[]!?:\n\n\tÉsaid told according to he She WALLACE Mr. Trump who ''";

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside_the_text()
    {
        var random = new Random(11);
        for (var round = 0; round < 400; round++)
        {
            var parts = new string[random.Next(0, 40)];
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = random.Next(4) == 0
                    ? Alphabet.Substring(random.Next(Alphabet.Length - 8), random.Next(1, 8))
                    : Alphabet[random.Next(Alphabet.Length)].ToString();
            }

            var text = string.Concat(parts);
            foreach (var quote in QuoteExtractor.Default.Extract(text))
            {
                Assert.True(quote.Start >= 0 && quote.Start < quote.End && quote.End <= text.Length);
                Assert.Equal(quote.Text, text[quote.Start..quote.End]);
                if (quote.SpeakerStart is { } s)
                {
                    Assert.True(s >= 0 && s < quote.SpeakerEnd && quote.SpeakerEnd <= text.Length);
                }

                if (quote.CueStart is { } c)
                {
                    Assert.Equal(quote.Cue, text[c..quote.CueEnd!.Value]);
                }
            }
        }
    }
}

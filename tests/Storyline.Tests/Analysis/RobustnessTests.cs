using Storyline.Analysis.Entities;
using Storyline.Analysis.Sources;
using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

public sealed class RobustnessTests
{
    private const string Alphabet = "aZ9 .,'’\"“”‘`-–—()[]!?…\n\n\tÉé߀$%&/:;nN'tsMr.U.S.Sept.J.😀\u0301";

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside_the_text()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            var (tokens, sentences) = SentenceSplitter.Split(text);
            var previousEnd = 0;
            foreach (var token in tokens)
            {
                Assert.True(token.Start >= previousEnd && token.Length > 0 && token.End <= text.Length);
                previousEnd = token.End;
            }

            Assert.Equal(tokens.Length, sentences.Sum(s => s.TokenCount));
            foreach (var mention in EntityRecognizer.Default.Recognize(text))
            {
                Assert.Equal(mention.Text, text[mention.Start..mention.End]);
            }

            foreach (var source in SourceFinder.Find(text))
            {
                Assert.Equal(source.Name, text[source.Start..source.End]);
            }
        }
    }

    [Fact]
    public void Every_non_space_character_is_in_a_token()
    {
        const string text = "“Stop,” said Mr. O’Brien (U.S.) — don’t… 5,000.5 km² at 07:46!";
        var covered = new bool[text.Length];
        foreach (var token in Tokenizer.Tokenize(text))
        {
            covered.AsSpan(token.Start, token.Length).Fill(true);
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"character {i} '{text[i]}' is in no token");
        }
    }
}

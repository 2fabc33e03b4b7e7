using Storyline.Extraction.PlainText;

namespace Storyline.Tests.Extraction.PlainText;

public sealed class LineStatsTests
{
    public static TheoryData<string> Lines => new()
    {
        "",
        ".",
        "Home",
        "one two three four five six seven eight nine ten.",
        "one two three four five six seven eight nine.",
        "one two three four five six seven eight nine ten",
        "one two three four five six seven eight nine ten eleven twelve thirteen?",
        "\"One two three four five six seven eight nine ten,\" she said.\"",
        "One two three four five six seven eight nine ten (see above).)*",
        "Don't won't can't shouldn't mustn't it's that's what's who's here.",
        "- - - - - - - - - - 1 2 3 4 5 6 7 8 9.",
        "'a 'b 'c 'd 'e 'f 'g 'h 'i 'j.",
        "a- b- c- d- e- f- g- h- i- j-.",
        "a-b-c-d-e-f-g-h-i-j k.",
        "1,000 2,000 3,000 4,000 5.",
        "वह कहते हैं कि यह एक बहुत अच्छा दिन था और सब खुश थे।",
        "他说今天是一个非常好的日子，每个人都很高兴。",
        "Ten words here: one two three four five six seven;",
        "Share this article on Facebook Twitter Email Print Copy Link Save »",
        "Nine words only then a quote mark at the end.”",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void IsProse_agrees_with_the_full_count(string line) =>
        Assert.Equal(LineStats.Of(line).Prose, LineStats.IsProse(line));

    [Fact]
    public void IsProse_agrees_on_every_line_of_a_made_up_dump()
    {
        var random = new Random(7);
        const string alphabet = "abc DEF 12 '’-.,;:!?\"”»)]* \u0915\u093F\u0928 é";
        for (var n = 0; n < 2_000; n++)
        {
            var chars = new char[random.Next(0, 120)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var line = new string(chars);
            Assert.Equal(LineStats.Of(line).Prose, LineStats.IsProse(line));
        }
    }
}

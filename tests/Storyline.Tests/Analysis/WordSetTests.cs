using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

public sealed class WordSetTests
{
    private static readonly string[] Words = ["said", "told", "according", "he", "she", "I", "co-founder", "'s", "U.S.", "a", "spokesperson", "an-extremely-long-word-beyond-thirty-one-letters"];

    private static IEnumerable<string> Probes()
    {
        var random = new Random(20261129);
        const string alphabet = "aAsSdDeEiItTo'-.ıİſKﬀé ";
        foreach (var word in Words)
        {
            yield return word;
            yield return word.ToUpperInvariant();
            yield return word.ToLowerInvariant();
            yield return word[..^1];
            yield return word + "s";
        }

        // Non-ASCII letters that fold to ASCII ones under some casings (dotless i, long s, Kelvin), empty and long words.
        yield return string.Empty;
        yield return "ſaid";
        yield return "ıt";
        yield return "Kelvin";
        yield return "AN-EXTREMELY-LONG-WORD-BEYOND-THIRTY-ONE-LETTERS";
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 6);
            yield return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        }
    }

    [Theory]
    [InlineData("Ordinal")]
    [InlineData("OrdinalIgnoreCase")]
    [InlineData("InvariantCultureIgnoreCase")]
    public void Answers_as_its_hash_set_does(string comparerName)
    {
        var comparer = comparerName switch
        {
            "Ordinal" => StringComparer.Ordinal,
            "OrdinalIgnoreCase" => StringComparer.OrdinalIgnoreCase,
            _ => StringComparer.InvariantCultureIgnoreCase,
        };
        var set = new HashSet<string>(Words, comparer);
        var words = new WordSet(set);
        Assert.Equal(comparerName != "InvariantCultureIgnoreCase", words.Filtered);
        foreach (var probe in Probes())
        {
            Assert.True(set.Contains(probe) == words.Contains(probe), $"'{probe}': set {set.Contains(probe)}, word set {words.Contains(probe)}");
        }
    }

    [Fact]
    public void A_word_starting_outside_ascii_turns_the_filter_off()
    {
        var set = new HashSet<string>(["été", "said"], StringComparer.OrdinalIgnoreCase);
        var words = new WordSet(set);
        Assert.False(words.Filtered);
        Assert.True(words.Contains("ÉTÉ"));
        Assert.True(words.Contains("SAID"));
        Assert.False(words.Contains("sad"));
    }

    [Fact]
    public void Filter_turns_away_words_of_other_lengths_and_letters()
    {
        var words = new WordSet(new HashSet<string>(["said"], StringComparer.OrdinalIgnoreCase));
        Assert.True(words.Filtered);
        Assert.True(words.Contains("SaId"));
        Assert.False(words.Contains("sai"));
        Assert.False(words.Contains("sbid"));
        Assert.False(words.Contains("the"));
    }
}

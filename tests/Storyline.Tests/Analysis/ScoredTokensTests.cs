using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

/// <summary>Which tokens the tagger scores when only tokens near capitals are (the default recogniser's mode).</summary>
public sealed class ScoredTokensTests
{
    private static string Marks(string text, bool onlyNearCapitals, bool quiet)
    {
        var (tokens, _) = SentenceSplitter.Split(text);
        var spans = tokens.Select(t => (t.Start, t.Length)).ToArray();
        var scored = new bool[spans.Length];
        NerModel.MarkScored(text, spans, scored, onlyNearCapitals, quiet ? NewsRules.QuietCapitals : null);
        return string.Concat(scored.Select(s => s ? '1' : '0'));
    }

    [Fact]
    public void Every_token_is_scored_unless_only_near_capitals()
    {
        Assert.Equal("1111111111", Marks("the rain in spain falls mainly on the plain today", onlyNearCapitals: false, quiet: true));
    }

    [Fact]
    public void A_capital_scores_the_tokens_within_three_of_it()
    {
        // "Kremlin" is token 5: tokens 2..8 are scored.
        Assert.Equal("0011111110000", Marks("on a day when the Kremlin said nothing at all to anyone here", onlyNearCapitals: true, quiet: true));
    }

    [Fact]
    public void Quiet_capitals_score_nothing_for_their_own_sake()
    {
        // "The" (token 0) scores tokens 0..3, "Monday" (token 4) tokens 1..7.
        const string text = "The officials said on Monday that it would rain for a long while after that";
        Assert.Equal("111111110000000", Marks(text, onlyNearCapitals: true, quiet: false));
        Assert.Equal("000000000000000", Marks(text, onlyNearCapitals: true, quiet: true));
    }

    [Fact]
    public void A_quiet_capital_next_to_a_name_is_still_scored()
    {
        // "The" (token 0) is within three tokens of "Kremlin" (token 1), so it is scored for the Kremlin's sake ("The New York Times" stays whole).
        Assert.Equal("111110000000", Marks("The Kremlin said nothing at all to anyone on that quiet day", onlyNearCapitals: true, quiet: true));
    }
}

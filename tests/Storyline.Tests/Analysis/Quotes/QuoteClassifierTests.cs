using Storyline.Analysis.Quotes;

namespace Storyline.Tests.Analysis.Quotes;

public sealed class QuoteClassifierTests
{
    [Fact]
    public void Scoring_hashed_parts_gives_the_weight_of_the_joined_lower_cased_name()
    {
        // Training names features by joining and lower-casing their parts; extraction hashes the parts instead.
        const string Prefix = "indirectafter|cue=";
        var entry = QuoteClassifier.Entries.ToArray().First(e => e.Name.StartsWith(Prefix, StringComparison.Ordinal));
        var sink = new QuoteFeatureSink(null);
        sink.Reset();
        sink.Add("IndirectAfter", "|cue=", entry.Name[Prefix.Length..].ToUpperInvariant());
        Assert.Equal(QuoteClassifier.Bias + entry.Weight, sink.Score, 9);

        var names = new List<string>();
        var naming = new QuoteFeatureSink(names);
        naming.Reset();
        naming.Add("IndirectAfter", "|cue=", entry.Name[Prefix.Length..].ToUpperInvariant());
        Assert.Equal([entry.Name], names);
    }

    [Fact]
    public void Unknown_features_leave_the_bias()
    {
        var sink = new QuoteFeatureSink(null);
        sink.Reset();
        sink.Add("no such feature ", "at all");
        Assert.Equal(QuoteClassifier.Bias, sink.Score);
    }

    [Fact]
    public void A_reported_claim_with_a_long_subject_is_found()
    {
        const string Text = "The deputy head of China's delegation to the forum said the United States should reduce its patrols in the region.";
        var quote = Assert.Single(QuoteExtractor.Default.Extract(Text));
        Assert.Equal("the United States should reduce its patrols in the region", quote.Text);
        Assert.Equal("said", quote.Cue);
        Assert.Equal("The deputy head of China's delegation to the forum", Text[quote.SpeakerStart!.Value..quote.SpeakerEnd!.Value]);
    }
}

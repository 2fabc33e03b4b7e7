using Storyline.Analysis;
using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class TermVectorTests
{
    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    [InlineData(1)]
    public void Counting_from_spans_equals_counting_the_listed_terms_in_order(int limit)
    {
        const string text = "Trump's wall: the Senate votes on the wall again, and the Senate's 2024 vote on Trump’s WALL fails 51-49; wall wall.";
        var expected = new Dictionary<string, double>(StringComparer.Ordinal) { ["existing"] = 1 };
        foreach (var term in TermTokenizer.Terms(text, limit))
        {
            expected[term] = expected.GetValueOrDefault(term) + 0.5;
        }

        var counts = new Dictionary<string, double>(StringComparer.Ordinal) { ["existing"] = 1 };
        TermVector.Count(counts, text, 0.5, limit);

        Assert.Equal(expected.ToList(), counts.ToList()); // same terms, counts and first-seen order
        Assert.True(limit != int.MaxValue || counts["wall"] == 2.5);
    }

    [Fact]
    public void Nothing_is_counted_from_no_text()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        TermVector.Count(counts, null, 1);
        TermVector.Count(counts, string.Empty, 1);
        TermVector.Count(counts, "a an the of", 1);

        Assert.Empty(counts);
    }
}

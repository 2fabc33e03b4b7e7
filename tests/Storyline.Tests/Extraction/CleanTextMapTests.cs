using Storyline.Extraction;

namespace Storyline.Tests.Extraction;

public sealed class CleanTextMapTests
{
    private const string Source = "Advertisement\n\nThe minister said the bridge would reopen.\n\nAdvertisement\nRelated: more news\n\nTraffic resumed on Monday, police said.\n";
    private static readonly string[] Paragraphs = ["The minister said the bridge would reopen.", "Traffic resumed on Monday, police said."];

    [Fact]
    public void Spans_of_the_clean_text_point_at_the_same_words_in_the_source()
    {
        var clean = string.Join("\n\n", Paragraphs);
        var map = CleanTextMap.Build(Source, Paragraphs)!;

        foreach (var word in new[] { "minister", "bridge", "reopen.", "Traffic", "Monday", "police said." })
        {
            var start = clean.IndexOf(word, StringComparison.Ordinal);
            var (s, e) = map.ToSource(start, start + word.Length);
            Assert.Equal(word, Source[s..e]);
        }
    }

    [Fact]
    public void Offsets_at_paragraph_edges_stay_in_their_paragraph()
    {
        var map = CleanTextMap.Build(Source, Paragraphs)!;
        var secondStart = Paragraphs[0].Length + 2;

        Assert.Equal(Source.IndexOf("The minister", StringComparison.Ordinal), map.ToSource(0));
        Assert.Equal(Source.IndexOf("Traffic", StringComparison.Ordinal), map.ToSource(secondStart));
        Assert.Equal(Source.IndexOf("reopen.", StringComparison.Ordinal) + 7, map.ToSource(Paragraphs[0].Length + 1));
        var (s, e) = map.ToSource(3, 3);
        Assert.Equal(s, e);
    }

    [Fact]
    public void A_paragraph_that_is_not_in_the_source_verbatim_gives_no_map()
    {
        Assert.Null(CleanTextMap.Build(Source, ["The minister said the bridge would reopen.", "Traffic resumed on Monday , police said."]));
        Assert.Null(CleanTextMap.Build(Source, [Paragraphs[1], Paragraphs[0]]));
        Assert.NotNull(CleanTextMap.Build(Source, []));
    }
}

using Storyline.Comparison;

namespace Storyline.Tests.Comparison;

public sealed class ComparisonPartsTests
{
    [Fact]
    public void The_word_diff_shows_a_changed_ending_and_ignores_apostrophe_and_punctuation_forms()
    {
        var diff = WordDiff.Compute("We’re confident the US president will handle this situation alone.", "We're confident the US president will handle this situation on his own.");

        Assert.Equal(
            [new DiffSegment(DiffOp.Same, "We’re confident the US president will handle this situation"), new DiffSegment(DiffOp.Removed, "alone."), new DiffSegment(DiffOp.Added, "on his own.")],
            diff);
    }

    [Fact]
    public void A_date_only_article_and_a_timed_one_of_the_same_day_are_both_first_but_an_earlier_day_is_first_alone()
    {
        Assert.Equal([true, true], Timeline.Firsts(["2025-06-07", "2025-06-07T07:46:00"]));
        Assert.Equal([false, true, false], Timeline.Firsts(["2025-06-07", "2025-06-06", null]));
        Assert.Equal([true, false], Timeline.Firsts(["2025-06-07T07:46:00Z", "2025-06-07T09:00:00Z"]));
    }

    [Fact]
    public void Short_sentences_are_joined_to_a_neighbour_of_their_paragraph_and_headings_stay_alone()
    {
        const string text = "A heading\n\nThe storm hit the coast at dawn on Monday. It was loud. Officials said the damage was heavy across the region.";

        var spans = PassageSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["A heading", "The storm hit the coast at dawn on Monday.", "It was loud. Officials said the damage was heavy across the region."], spans);
    }

    [Fact]
    public void The_model_tells_a_paraphrase_from_an_unrelated_sentence()
    {
        var model = SameContentModel.Default;
        var same = model.Probability("The storm killed 12 people in the coastal town on Monday, officials said.", "Officials said 12 people were killed on Monday when the storm hit the coastal town.");
        var other = model.Probability("The storm killed 12 people in the coastal town on Monday, officials said.", "Shares of the carmaker rose 3 percent in early trading in New York.");

        Assert.True(model.IsSame(same), $"paraphrase scored {same}");
        Assert.False(model.IsSame(other), $"unrelated scored {other}");
    }

    [Fact]
    public void A_copy_that_repeats_another_copys_edit_is_a_copy_of_that_copy()
    {
        const string original = "The council approved the new harbour wall on Tuesday after months of debate. Work will start in spring and cost 4 million pounds. Residents had asked for better protection since the floods of last winter.";
        var edited = original.Replace("Work will start in spring", "Work will start in early spring, the mayor said,", StringComparison.Ordinal);
        var edited2 = edited.Replace("since the floods of last winter", "since the floods", StringComparison.Ordinal);
        var story = new Storyline.Storage.StoryForComparison(7, "Harbour wall",
        [
            new("o", "Outlet A", "Harbour wall", "2025-01-07T08:00:00Z", original, null, null),
            new("c1", "Outlet B", "Harbour wall", "2025-01-07T09:00:00Z", edited, "o", null),
            new("c2", "Outlet C", "Harbour wall", "2025-01-07T10:00:00Z", edited2, "o", "Outlet B"),
        ]);

        var comparison = StoryComparer.Default.Compare(story);

        Assert.Equal([null, "o", "c1"], comparison.Timeline.Select(t => t.CopyOf));
        Assert.Equal([true, false, false], comparison.Timeline.Select(t => t.First));
        Assert.Equal("Outlet B", comparison.Timeline[2].Origin);
        Assert.All(comparison.Articles, a => Assert.Equal(1.0, a.Shared));
    }

    [Fact]
    public void A_quote_split_by_one_outlet_is_one_quote_and_different_speakers_are_flagged()
    {
        const string textA = "\"We will rebuild the harbour wall before next winter, and we will pay for it ourselves,\" the mayor said.";
        const string textB = "\"We will rebuild the harbour wall before next winter,\" Smith said. \"And we will pay for it ourselves.\"";
        var story = new Storyline.Storage.StoryForComparison(3, "Harbour wall",
        [
            new("a", "Outlet A", null, "2025-01-07", textA, null, null)
            {
                Quotes = [new(0, 89, "\"We will rebuild the harbour wall before next winter, and we will pay for it ourselves,\"", "Jane Smith", true)],
                Names = [(Storyline.Analysis.Entities.EntityType.Person, "Jane Smith", 1)],
            },
            new("b", "Outlet B", null, "2025-01-08", textB, null, null)
            {
                Quotes =
                [
                    new(0, 52, "\"We will rebuild the harbour wall before next winter,\"", "Smith", true),
                    new(65, 100, "\"And we will pay for it ourselves.\"", "John Doe", true),
                ],
                Names = [(Storyline.Analysis.Entities.EntityType.Person, "Smith", 1), (Storyline.Analysis.Entities.EntityType.Person, "John Doe", 1)],
            },
        ]);

        var quote = Assert.Single(StoryComparer.Default.Compare(story).Quotes);

        Assert.Equal(["a", "b"], quote.Articles);
        Assert.Equal("We will rebuild the harbour wall before next winter … And we will pay for it ourselves.", quote.Variants[1].Text);
        Assert.Equal("Jane Smith", quote.Speaker);
        Assert.True(quote.SpeakersDisagree);
        Assert.Contains(new DiffSegment(DiffOp.Added, "…"), quote.Diff);
    }
}

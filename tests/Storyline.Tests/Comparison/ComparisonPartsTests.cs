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
}

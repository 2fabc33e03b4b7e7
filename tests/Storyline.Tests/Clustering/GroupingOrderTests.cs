using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class GroupingOrderTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Articles_are_ordered_by_time_stably()
    {
        var order = GroupingOrder.Of([(1, Day1.AddDays(2)), (2, Day1), (3, Day1.AddDays(2)), (4, Day1.AddDays(1))]);

        Assert.Equal([2L, 4, 1, 3], order.Items.Select(i => i.Id));
        Assert.Equal(Day1, order.FirstDated);
    }

    [Fact]
    public void An_undated_article_between_two_dated_ones_spans_their_times_from_the_earlier()
    {
        var order = GroupingOrder.Of([(1, Day1.AddDays(5)), (2, null), (3, Day1)]);

        Assert.Equal([2L, 3, 1], order.Items.Select(i => i.Id));
        var undated = order.Items.Single(i => i.Id == 2);
        Assert.Equal(Day1, undated.Time);
        Assert.Equal(Day1.AddDays(5), undated.Until);
        Assert.All(order.Items.Where(i => i.Id != 2), i => Assert.Null(i.Until));
    }

    [Fact]
    public void An_undated_article_with_nothing_dated_after_it_takes_the_time_of_the_dated_one_before_it()
    {
        var order = GroupingOrder.Of([(1, Day1.AddDays(5)), (2, Day1), (3, null)]);

        Assert.Equal([2L, 3, 1], order.Items.Select(i => i.Id));
        Assert.Equal(Day1, order.Items[1].Time);
        Assert.Null(order.Items[1].Until);
    }

    [Fact]
    public void Undated_articles_with_nothing_dated_before_them_take_the_first_dated_time_after_them()
    {
        var order = GroupingOrder.Of([(1, null), (2, Day1.AddDays(400)), (3, Day1)]);

        Assert.Equal([3L, 1, 2], order.Items.Select(i => i.Id));
        Assert.Equal(Day1.AddDays(400), order.Items[1].Time);
    }

    [Fact]
    public void Articles_keep_no_time_only_when_nothing_is_dated()
    {
        var order = GroupingOrder.Of([(1, null), (2, null)]);

        Assert.Equal([1L, 2], order.Items.Select(i => i.Id));
        Assert.All(order.Items, i => Assert.Null(i.Time));
    }
}

using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class UndatedTimesTests
{
    private static readonly DateTimeOffset March = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Texts =
    [
        "The volcano on Iceland's Reykjanes peninsula erupted again overnight, sending lava toward the town of Grindavik, where residents were evacuated.",
        "Striking dockworkers at the port of Rotterdam walked out over pay, leaving container ships waiting at anchor in the North Sea.",
        "Striking dockworkers at the port of Rotterdam stayed out over pay for a second day, leaving container ships waiting at anchor.",
        "Lava from the volcano on the Reykjanes peninsula reached the town of Grindavik after residents were evacuated overnight.",
        "A quiet day.",
    ];

    private static (List<(long Id, DateTimeOffset? Published)> Input, Func<int, ClusterItem> Read) Batch(params DateTimeOffset?[] times) =>
        ([.. times.Select((t, i) => ((long)i, t))], i => new ClusterItem(i, null, Texts[i], null));

    [Fact]
    public void An_undated_article_takes_the_time_of_the_dated_article_it_shares_most_with()
    {
        var (input, read) = Batch(March, June, null, null, null);

        var estimated = UndatedTimes.Estimate(input, read, ClusteringOptions.Default);

        Assert.Null(estimated[0]);
        Assert.Null(estimated[1]);
        Assert.Equal(June, estimated[2]);   // the Rotterdam strike
        Assert.Equal(March, estimated[3]);  // the Icelandic eruption
        Assert.Null(estimated[4]);          // shares nothing: left to the neighbours' rule
    }

    [Fact]
    public void Counts_kept_between_the_passes_change_nothing_and_save_reading_again()
    {
        DateTimeOffset?[] times = [March, June, null, null, null, March.AddDays(1), June.AddDays(2)];
        var input = times.Select((t, i) => ((long)i, t)).ToList();
        var reads = new int[times.Length];
        ClusterItem Read(int i)
        {
            reads[i]++;
            return new ClusterItem(i, null, Texts[i % Texts.Length], null);
        }

        var rereadAll = UndatedTimes.Estimate(input, Read, ClusteringOptions.Default, keep: 0);
        Assert.Equal([2, 2, 1, 1, 1, 2, 2], reads);
        Assert.Equal(June, rereadAll[2]);
        foreach (var keep in new[] { 1, 3, int.MaxValue })
        {
            Array.Clear(reads);
            Assert.Equal(rereadAll, UndatedTimes.Estimate(input, Read, ClusteringOptions.Default, keep));
            Assert.Equal(Math.Max(0, 4 - keep), reads.Count(r => r == 2));   // four dated articles
        }
    }

    [Fact]
    public void The_estimate_does_not_depend_on_the_input_order()
    {
        var (input, read) = Batch(March, June, null, null, null);
        int[] shuffled = [3, 1, 4, 0, 2];

        var estimated = UndatedTimes.Estimate([.. shuffled.Select(i => input[i])], k => read(shuffled[k]), ClusteringOptions.Default);

        Assert.Equal(March, estimated[0]);
        Assert.Equal(June, estimated[4]);
    }

    [Fact]
    public void A_batch_all_dated_or_all_undated_gets_no_estimates_and_reads_nothing()
    {
        var reads = 0;
        ClusterItem Read(int i)
        {
            reads++;
            return new ClusterItem(i, null, Texts[i], null);
        }

        Assert.All(UndatedTimes.Estimate([(0, March), (1, June)], Read, ClusteringOptions.Default), Assert.Null);
        Assert.All(UndatedTimes.Estimate([(0, null), (1, null)], Read, ClusteringOptions.Default), Assert.Null);
        Assert.Equal(0, reads);
    }

    [Fact]
    public void A_weak_match_counts_only_where_the_input_order_says_nothing_of_its_time()
    {
        string[] texts =
        [
            "The volcano near Grindavik erupted overnight and lava crossed the road to the harbour.",
            "Fishermen in Grindavik mended their nets by the harbour while gulls circled the boats and children played football in the square.",
            "Striking dockworkers at the port of Rotterdam walked out over pay, leaving container ships waiting at anchor in the North Sea.",
            "Parliament passed the budget after a long night of debate over taxes on fuel and tobacco.",
            "The central bank left interest rates unchanged and said inflation was slowing.",
        ];
        ClusterItem Read(int i) => new(i, null, texts[i], null);
        var estimate = (DateTimeOffset?[] times) => UndatedTimes.Estimate([.. times.Select((t, i) => ((long)i, t))], Read, ClusteringOptions.Default);

        // Dated inputs months apart one after another: the order is no guide, and the fishing village (1), which
        // shares only a little with the eruption (0), is better placed at the eruption's time than at its neighbours'.
        var shuffled = estimate([March, null, June, March.AddDays(200), June.AddDays(-60)]);
        Assert.False(UndatedTimes.OrderFollowsTime([.. new DateTimeOffset?[] { March, null, June, March.AddDays(200), June.AddDays(-60) }.Select((t, i) => ((long)i, t))]));
        Assert.Equal(March, shuffled[1]);

        // Dated inputs in time order: the weak match is not enough, the neighbours' rule decides.
        var ordered = estimate([March, null, March.AddDays(1), March.AddDays(2), March.AddDays(2)]);
        Assert.Null(ordered[1]);

        // In time order but after every dated input (a file sorted by date, undated last), its one neighbour is just
        // the newest article of the batch: the weak match decides again. Likewise before every dated input.
        texts = [texts[0], texts[2], texts[3], texts[4], texts[1]];
        var undatedLast = estimate([March, March.AddDays(1), March.AddDays(2), March.AddDays(2), null]);
        Assert.Equal(March, undatedLast[4]);
        texts = [texts[4], texts[0], texts[1], texts[2], texts[3]];
        var undatedFirst = estimate([null, March.AddDays(-5), March.AddDays(-4), March.AddDays(-4), March]);
        Assert.Equal(March.AddDays(-5), undatedFirst[0]);
    }

    [Fact]
    public void Grouping_order_uses_an_estimated_time_instead_of_the_neighbours()
    {
        var order = GroupingOrder.Of([(1, June), (2, null), (3, June)], [null, March, null]);

        Assert.Equal([2L, 1, 3], order.Items.Select(i => i.Id));
        Assert.Equal(March, order.Items[0].Time);
        Assert.Null(order.Items[0].Until);
    }
}

namespace Storyline.Clustering;

/// <summary>
/// The order in which articles are grouped: by publication time, stably. An undated article takes the
/// time of its nearest dated neighbour in input order — the one before it, or, at the start, the first
/// one after it — because corpora, feeds and directories are mostly chronological, so it is compared
/// with the stories of its neighbourhood. (Left without a time, it would be compatible with every story
/// forever.) Only when nothing in the batch is dated do articles keep no time.
/// </summary>
public sealed class GroupingOrder
{
    private GroupingOrder(List<(long Id, DateTimeOffset? Time)> items) => Items = items;

    /// <summary>Article ids with the time used for grouping, in grouping order.</summary>
    public IReadOnlyList<(long Id, DateTimeOffset? Time)> Items { get; }

    /// <summary>How many articles.</summary>
    public int Count => Items.Count;

    /// <summary>The earliest time in the order, or null when no article is dated.</summary>
    public DateTimeOffset? FirstDated => Items.FirstOrDefault(i => i.Time is not null).Time;

    /// <summary>Orders articles given in input order.</summary>
    public static GroupingOrder Of(IEnumerable<(long Id, DateTimeOffset? Published)> inputOrder)
    {
        ArgumentNullException.ThrowIfNull(inputOrder);
        var items = new List<(long Id, DateTimeOffset? Time)>();
        DateTimeOffset? previous = null;
        foreach (var (id, published) in inputOrder)
        {
            previous = published ?? previous;
            items.Add((id, published ?? previous));
        }

        var firstDated = items.FindIndex(i => i.Time is not null);
        for (var i = 0; i < firstDated; i++)
        {
            items[i] = (items[i].Id, items[firstDated].Time);
        }

        // OrderBy is stable: equal times keep input order; null (nothing dated at all) sorts first.
        return new GroupingOrder([.. items.OrderBy(i => i.Time)]);
    }
}

namespace Storyline.Clustering;

/// <summary>
/// The order in which articles are grouped: by publication time, stably. An undated article takes the
/// time of the dated article before it in input order (corpora and feeds are mostly chronological),
/// so it is compared with the stories of its neighbourhood; undated articles with no dated article
/// before them come first, with no time (and so no window limit).
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

        // OrderBy is stable: equal times keep input order; null (no time) sorts first.
        return new GroupingOrder([.. items.OrderBy(i => i.Time)]);
    }
}

namespace Storyline.Clustering;

/// <summary>
/// The order in which articles are grouped: by publication time, stably. An undated article takes a time
/// estimated from its content when the caller has one (<see cref="UndatedTimes"/>, which does not depend on
/// the input order); otherwise it is placed between its nearest dated neighbours in input order — the one before it and the one after it — because
/// corpora, feeds and directories are mostly chronological or kept together by subject, so it is compared
/// with the stories of its neighbourhood. It takes the earlier of the two times and may reach stories up to
/// the later one (<see cref="ClusterItem.Until"/>); with a neighbour on one side only, that one's time.
/// (Left without a time, it would be compatible with every story forever.) Only when nothing in the batch
/// is dated do articles keep no time.
/// </summary>
public sealed class GroupingOrder
{
    private GroupingOrder(List<(long Id, DateTimeOffset? Time, DateTimeOffset? Until)> items) => Items = items;

    /// <summary>
    /// Article ids with the time used for grouping, in grouping order; for an undated article between two
    /// dated ones, the later neighbour's time as <c>Until</c> (null otherwise).
    /// </summary>
    public IReadOnlyList<(long Id, DateTimeOffset? Time, DateTimeOffset? Until)> Items { get; }

    /// <summary>How many articles.</summary>
    public int Count => Items.Count;

    /// <summary>The earliest time in the order, or null when no article is dated.</summary>
    public DateTimeOffset? FirstDated => Items.FirstOrDefault(i => i.Time is not null).Time;

    /// <summary>The latest time an article may have (its time, or its <c>Until</c>), or null when an article has no time.</summary>
    public DateTimeOffset? LastReach => Items.Any(i => i.Time is null) ? null : Items.Max(i => i.Until ?? i.Time);

    /// <summary>Orders articles given in input order.</summary>
    /// <param name="inputOrder">The articles in input order with their own publication times.</param>
    /// <param name="estimated">
    /// Per input, a time estimated from the content for an undated article (<see cref="UndatedTimes"/>), used
    /// instead of the neighbours' when present.
    /// </param>
    public static GroupingOrder Of(IEnumerable<(long Id, DateTimeOffset? Published)> inputOrder, IReadOnlyList<DateTimeOffset?>? estimated = null)
    {
        ArgumentNullException.ThrowIfNull(inputOrder);
        var input = inputOrder.ToList();
        var next = new DateTimeOffset?[input.Count];
        DateTimeOffset? after = null;
        for (var i = input.Count - 1; i >= 0; i--)
        {
            next[i] = after;
            after = input[i].Published ?? after;
        }

        var items = new List<(long Id, DateTimeOffset? Time, DateTimeOffset? Until)>(input.Count);
        DateTimeOffset? previous = null;
        for (var i = 0; i < input.Count; i++)
        {
            var (id, published) = input[i];
            if (published is not null)
            {
                previous = published;
                items.Add((id, published, null));
            }
            else if (estimated is not null && estimated[i] is { } guess)
            {
                items.Add((id, guess, null));
            }
            else if (previous is { } before && next[i] is { } later && before != later)
            {
                items.Add((id, before < later ? before : later, before < later ? later : before));
            }
            else
            {
                items.Add((id, previous ?? next[i], null));
            }
        }

        // OrderBy is stable: equal times keep input order; null (nothing dated at all) sorts first.
        return new GroupingOrder([.. items.OrderBy(i => i.Time)]);
    }
}

namespace Storyline.Clustering;

/// <summary>What the clusterer needs of an article.</summary>
/// <param name="Id">The article's id in the caller's terms (the store's row id).</param>
/// <param name="Title">Its title, if any.</param>
/// <param name="Text">Its clean text (may be empty for headline-only items).</param>
/// <param name="Time">Its publication time (UTC), or null when unknown.</param>
/// <param name="Outlet">Its outlet, if known (a second report from the same outlet is weaker evidence of one story).</param>
/// <param name="Url">Its URL, if known (a headline-only item's slug words count as title words).</param>
/// <param name="Until">
/// For an article without a publication time of its own that lies between two dated ones in input order:
/// the later of their times, <paramref name="Time"/> being the earlier (see <see cref="GroupingOrder"/>); null otherwise.
/// </param>
public sealed record ClusterItem(long Id, string? Title, string Text, DateTimeOffset? Time, string? Outlet = null, string? Url = null, DateTimeOffset? Until = null);

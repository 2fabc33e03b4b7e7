using System.Globalization;

namespace Storyline.Comparison;

/// <summary>
/// Publication order at the precision each source gave. A date-only time ("2025-06-07") spans its day; a
/// time without a zone is taken as given; a zoned one as its instant. An article is first when no other is
/// certainly earlier: one whose span ends before its span begins. Undated articles are never first.
/// </summary>
internal static class Timeline
{
    public static bool[] Firsts(IReadOnlyList<string?> published)
    {
        var spans = published.Select(Span).ToList();
        return [.. spans.Select(s => s is { } own && !spans.Any(o => o is { } other && other.End < own.Start))];
    }

    /// <summary>
    /// Items in publication order: by the latest time each can have been published (an article timed 07:46 before
    /// one dated that day, which may be later), undated last; stable otherwise.
    /// </summary>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<T> items, Func<T, string?> published) =>
        [.. items.Select((item, i) => (Item: item, Span: Span(published(item)), Index: i))
            .OrderBy(x => x.Span is null).ThenBy(x => x.Span?.End).ThenBy(x => x.Index).Select(x => x.Item)];

    /// <summary>The interval a published value stands for, or null when undated or unreadable.</summary>
    internal static (DateTime Start, DateTime End)? Span(string? published)
    {
        if (string.IsNullOrWhiteSpace(published))
        {
            return null;
        }

        if (published.Length == 10 && DateTime.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, day.AddDays(1).AddTicks(-1));
        }

        if (DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return (time.UtcDateTime, time.UtcDateTime);
        }

        return null;
    }
}

using Storyline.Reading.Feeds;

namespace Storyline.Feeds;

/// <summary>
/// When a feed is next polled: from its entries' frequency (the mean gap between its newest dated entries), raised by
/// the publisher's hints (RSS ttl, Cache-Control max-age, Expires) and bounded by the options; after failures, an
/// exponential backoff capped at <see cref="FeedPollerOptions.MaxBackoff"/>; Retry-After honoured.
/// </summary>
internal static class FeedSchedule
{
    private const int FrequencyEntries = 20;

    public static TimeSpan Regular(IReadOnlyList<FeedItem>? items, TimeSpan? previous, TimeSpan? ttl, TimeSpan? freshness, FeedPollerOptions options)
    {
        var interval = previous ?? options.DefaultInterval;
        if (items is not null)
        {
            var dates = items.Select(i => i.Published ?? i.Updated).OfType<DateTimeOffset>().OrderDescending().Take(FrequencyEntries).ToList();
            interval = dates.Count >= 2 && dates[0] > dates[^1] ? (dates[0] - dates[^1]) / (dates.Count - 1) : options.DefaultInterval;
        }

        interval = Max(interval, ttl ?? TimeSpan.Zero, freshness ?? TimeSpan.Zero);
        return interval < options.MinInterval ? options.MinInterval : interval > options.MaxInterval ? options.MaxInterval : interval;
    }

    public static TimeSpan AfterFailure(int consecutiveErrors, TimeSpan? retryAfter, FeedPollerOptions options)
    {
        if (retryAfter is { } asked)
        {
            return asked > options.MaxBackoff ? options.MaxBackoff : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        var doublings = Math.Clamp(consecutiveErrors - 1, 0, 30);
        var wait = options.ErrorBackoff * Math.Pow(2, doublings);
        return wait > options.MaxBackoff ? options.MaxBackoff : wait;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);
}

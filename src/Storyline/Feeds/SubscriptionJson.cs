using System.Globalization;
using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Feeds;

/// <summary>
/// A subscription as JSON: a line of <c>storyline feeds list --json</c> and an item of the web API's <c>/api/feeds</c>,
/// <c>{"url", "title", "site_url", "last_fetch", "status", "error", "next_due", "consecutive_errors", "interval_seconds", "articles"}</c>.
/// </summary>
public static class SubscriptionJson
{
    /// <summary>Writes the subscription as one object.</summary>
    public static void Write(Utf8JsonWriter writer, FeedSubscription feed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, feed);
        writer.WriteEndObject();
    }

    /// <summary>Writes the subscription's properties into an object the caller has started.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, FeedSubscription feed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feed);
        writer.WriteString("url", feed.Url);
        writer.WriteString("title", feed.Title);
        writer.WriteString("site_url", feed.SiteUrl);
        writer.WriteString("last_fetch", Time(feed.LastFetch));
        if (feed.LastStatus is { } status)
        {
            writer.WriteNumber("status", status);
        }
        else
        {
            writer.WriteNull("status");
        }

        writer.WriteString("error", feed.LastError);
        writer.WriteString("next_due", Time(feed.NextDue));
        writer.WriteNumber("consecutive_errors", feed.ConsecutiveErrors);
        if (feed.Interval is { } interval)
        {
            writer.WriteNumber("interval_seconds", (long)interval.TotalSeconds);
        }
        else
        {
            writer.WriteNull("interval_seconds");
        }

        writer.WriteNumber("articles", feed.ArticlesStored);
    }

    /// <summary>An instant as ISO 8601 in UTC ("2003-12-31T10:14:55Z").</summary>
    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace Storyline.Reading.Feeds;

/// <summary>
/// The JSON of <c>storyline feeds parse --json</c> (one object a feed, times ISO 8601 in UTC), shared by the command
/// and the conformance bench so that what is scored is what users see.
/// </summary>
public static class FeedJson
{
    /// <summary>Writes the members of one feed's object (the caller opens and closes it).</summary>
    public static void Write(Utf8JsonWriter writer, string path, ParsedFeed feed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feed);
        writer.WriteString("path", path);
        writer.WriteString("format", feed.Format.Name());
        writer.WriteString("title", feed.Title);
        writer.WriteString("link", feed.Link);
        writer.WriteString("id", feed.Id);
        writer.WriteString("subtitle", feed.Subtitle);
        writer.WriteString("language", feed.Language);
        writer.WriteString("author", feed.Author);
        writer.WriteString("published", Time(feed.Published));
        writer.WriteString("updated", Time(feed.Updated));
        writer.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("title", item.Title);
            writer.WriteString("link", item.Link);
            writer.WriteString("author", item.Author);
            writer.WriteString("published", Time(item.Published));
            writer.WriteString("updated", Time(item.Updated));
            writer.WriteString("summary", item.Summary);
            writer.WriteString("content", item.Content);
            writer.WriteString("language", item.Language);
            if (item.Enclosures.Count > 0)
            {
                writer.WriteStartArray("enclosures");
                foreach (var enclosure in item.Enclosures)
                {
                    writer.WriteStartObject();
                    writer.WriteString("url", enclosure.Url);
                    writer.WriteString("type", enclosure.MediaType);
                    if (enclosure.Length is { } length)
                    {
                        writer.WriteNumber("length", length);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var problem in feed.Problems)
        {
            writer.WriteStringValue(problem);
        }

        writer.WriteEndArray();
    }

    /// <summary>An instant as ISO 8601 in UTC ("2003-12-31T10:14:55Z").</summary>
    public static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Text.Json;

namespace Storyline.Storage;

/// <summary>
/// The JSON form of a story in DESIGN.md's contract, with copy links and every source of identical text: a line of
/// <c>storyline stories --json</c>, and each story of the web reader's <c>/api/stories</c>.
/// </summary>
public static class StoryJson
{
    /// <summary>Writes the story's properties into the object the writer is in.</summary>
    public static void Write(Utf8JsonWriter writer, StorySummary story)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(story);
        writer.WriteNumber("story", story.Id);
        writer.WriteString("title", story.Title);
        writer.WriteString("first_seen", story.FirstSeen);
        writer.WriteString("last_updated", story.LastUpdated);
        writer.WriteStartArray("articles");
        foreach (var article in story.Articles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.ExternalId);
            writer.WriteString("outlet", article.Outlet);
            writer.WriteString("title", article.Title);
            writer.WriteString("published", article.Published);
            writer.WriteString("url", article.Url);
            writer.WriteString("origin", article.SyndicationOrigin);
            writer.WriteString("copy_of", article.CopyOf);
            writer.WriteStartArray("copies");
            foreach (var copy in story.Articles.Where(a => a.CopyOfId == article.Id))
            {
                writer.WriteStringValue(copy.ExternalId);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("also_at");
            foreach (var (outlet, url, externalId) in article.AlsoAt)
            {
                writer.WriteStartObject();
                writer.WriteString("id", externalId);
                writer.WriteString("outlet", outlet);
                writer.WriteString("url", url);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

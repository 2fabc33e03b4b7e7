using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>The JSON form of a story in DESIGN.md's contract, with copy links and every source of identical text.</summary>
internal static class StoryJson
{
    public static void Write(Utf8JsonWriter writer, StorySummary story)
    {
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

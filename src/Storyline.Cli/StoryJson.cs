using System.Text.Json;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>The JSON form of a story in DESIGN.md's contract.</summary>
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
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

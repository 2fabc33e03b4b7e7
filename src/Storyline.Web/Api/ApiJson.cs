using System.Buffers;
using System.Text.Json;
using Storyline.Storage;
using Storyline.Web.Hosting;

namespace Storyline.Web.Api;

/// <summary>The JSON API's shapes, written by hand in the CLI's snake_case (<see cref="StoryJson"/> for a story).</summary>
internal static class ApiJson
{
    public static CachedResponse Write(Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new CachedResponse(status, CachedResponse.JsonType, buffer.WrittenSpan.ToArray());
    }

    public static void Stories(Utf8JsonWriter writer, IReadOnlyList<StorySummary> stories)
    {
        writer.WriteStartArray();
        foreach (var story in stories)
        {
            writer.WriteStartObject();
            StoryJson.Write(writer, story);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A story as <c>stories --json</c> writes it, with its names, quotes and sources per outlet.</summary>
    public static void Story(Utf8JsonWriter writer, StorySummary story, StoryDetails details)
    {
        writer.WriteStartObject();
        StoryJson.Write(writer, story);
        writer.WriteStartArray("entities");
        foreach (var (type, name, articles, mentions) in details.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("type", Analysis.Entities.Labels.Of(type));
            writer.WriteString("name", name);
            writer.WriteNumber("articles", articles);
            writer.WriteNumber("mentions", mentions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("quotes");
        foreach (var quote in details.Quotes)
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", quote.Speaker);
            writer.WriteString("article", quote.ArticleId);
            writer.WriteString("outlet", quote.Outlet);
            writer.WriteString("text", quote.Text);
            writer.WriteBoolean("direct", quote.Direct);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sources");
        foreach (var (outlet, sources) in details.SourcesByOutlet)
        {
            writer.WriteStartObject();
            writer.WriteString("outlet", outlet);
            Strings(writer, "sources", sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>An article with its text, story, views and each reaction's count.</summary>
    public static void Article(Utf8JsonWriter writer, ArticleDetail detail, long? views, IReadOnlyDictionary<string, long>? reactions)
    {
        var article = detail.Article;
        writer.WriteStartObject();
        writer.WriteString("id", article.ExternalId);
        writer.WriteString("outlet", article.Outlet);
        writer.WriteString("title", article.Title);
        writer.WriteString("published", article.Published);
        writer.WriteString("url", article.Url);
        writer.WriteString("origin", article.SyndicationOrigin);
        writer.WriteString("copy_of", article.CopyOf);
        if (detail.StoryId is { } story)
        {
            writer.WriteNumber("story", story);
        }
        else
        {
            writer.WriteNull("story");
        }

        Strings(writer, "authors", detail.Authors);
        Strings(writer, "sources", detail.Sources);
        writer.WriteString("text", detail.Text);
        if (views is { } count)
        {
            writer.WriteNumber("views", count);
        }

        if (reactions is not null)
        {
            Reactions(writer, "reactions", reactions);
        }

        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string property, IEnumerable<string> values)
    {
        writer.WriteStartArray(property);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void Reactions(Utf8JsonWriter writer, string property, IReadOnlyDictionary<string, long> reactions)
    {
        writer.WriteStartObject(property);
        foreach (var reaction in Storage.Portal.Reactions.All)
        {
            writer.WriteNumber(reaction, reactions.TryGetValue(reaction, out var n) ? n : 0);
        }

        writer.WriteEndObject();
    }

    /// <summary>Search hits as <c>search --json</c> writes them.</summary>
    public static void Hits(Utf8JsonWriter writer, IReadOnlyList<SearchHit> hits)
    {
        writer.WriteStartArray();
        foreach (var hit in hits)
        {
            writer.WriteStartObject();
            writer.WriteString("id", hit.Article.ExternalId);
            if (hit.StoryId is { } story)
            {
                writer.WriteNumber("story", story);
            }
            else
            {
                writer.WriteNull("story");
            }

            writer.WriteString("outlet", hit.Article.Outlet);
            writer.WriteString("title", hit.Article.Title);
            writer.WriteString("published", hit.Article.Published);
            writer.WriteString("url", hit.Article.Url);
            writer.WriteString("snippet", hit.Snippet);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}

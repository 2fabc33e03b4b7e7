using System.Text.Json;
using Storyline.Analysis.Entities;

namespace Storyline.Comparison;

/// <summary>
/// Writes a <see cref="StoryComparison"/> as the one JSON object that <c>storyline compare --json</c> prints and
/// the web API serves: <c>{"story", "title", "articles", "passages", "quotes", "sources", "entities", "timeline"}</c>
/// (fields as the comparison issue and the README give them).
/// </summary>
public static class ComparisonJson
{
    /// <summary>Writes the object's properties into an object the caller has started.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, StoryComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(comparison);
        writer.WriteNumber("story", comparison.StoryId);
        writer.WriteString("title", comparison.Title);
        writer.WriteStartArray("articles");
        foreach (var article in comparison.Articles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", article.Id);
            writer.WriteString("outlet", article.Outlet);
            writer.WriteString("origin", article.Origin);
            writer.WriteString("published", article.Published);
            writer.WriteString("copy_of", article.CopyOf);
            writer.WriteNumber("words", article.Words);
            writer.WriteNumber("shared", article.Shared);
            writer.WriteStartArray("unique");
            foreach (var span in article.Unique)
            {
                WriteSpan(writer, span);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("missing");
            foreach (var passage in article.Missing)
            {
                writer.WriteNumberValue(passage);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePassages(writer, comparison.Passages);
        WriteQuotes(writer, comparison.Quotes);
        writer.WriteStartArray("sources");
        foreach (var source in comparison.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("name", source.Name);
            WriteIds(writer, "articles", source.Articles);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        foreach (var entity in comparison.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("name", entity.Name);
            writer.WriteString("type", Labels.Of(entity.Type));
            WriteIds(writer, "articles", entity.Articles);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteTimeline(writer, comparison.Timeline);
    }

    /// <summary>Writes the comparison as one complete JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, StoryComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, comparison);
        writer.WriteEndObject();
    }

    /// <summary>"=", "-" or "+".</summary>
    public static string Symbol(DiffOp op) => op switch
    {
        DiffOp.Removed => "-",
        DiffOp.Added => "+",
        _ => "=",
    };

    private static void WritePassages(Utf8JsonWriter writer, IReadOnlyList<SharedPassage> passages)
    {
        writer.WriteStartArray("passages");
        foreach (var passage in passages)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("articles");
            foreach (var occurrence in passage.Articles)
            {
                writer.WriteStartObject();
                writer.WriteString("id", occurrence.Id);
                writer.WriteNumber("start", occurrence.Span.Start);
                writer.WriteNumber("end", occurrence.Span.End);
                writer.WriteString("text", occurrence.Span.Text);
                writer.WriteNumber("similarity", occurrence.Similarity);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteQuotes(Utf8JsonWriter writer, IReadOnlyList<QuoteComparison> quotes)
    {
        writer.WriteStartArray("quotes");
        foreach (var quote in quotes)
        {
            writer.WriteStartObject();
            writer.WriteString("speaker", quote.Speaker);
            WriteIds(writer, "articles", quote.Articles);
            writer.WriteStartArray("variants");
            foreach (var variant in quote.Variants)
            {
                writer.WriteStartObject();
                writer.WriteString("text", variant.Text);
                WriteIds(writer, "articles", variant.Articles);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("diff");
            foreach (var segment in quote.Diff)
            {
                writer.WriteStartObject();
                writer.WriteString("op", Symbol(segment.Op));
                writer.WriteString("text", segment.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteBoolean("speakers_disagree", quote.SpeakersDisagree);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTimeline(Utf8JsonWriter writer, IReadOnlyList<TimelineEntry> timeline)
    {
        writer.WriteStartArray("timeline");
        foreach (var entry in timeline)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.Id);
            writer.WriteString("outlet", entry.Outlet);
            writer.WriteString("published", entry.Published);
            writer.WriteString("copy_of", entry.CopyOf);
            writer.WriteString("origin", entry.Origin);
            writer.WriteBoolean("first", entry.First);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter writer, TextSpan span)
    {
        writer.WriteStartObject();
        writer.WriteNumber("start", span.Start);
        writer.WriteNumber("end", span.End);
        writer.WriteString("text", span.Text);
        writer.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter writer, string name, IReadOnlyList<string> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}

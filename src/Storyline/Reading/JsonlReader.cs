using System.Text.Json;

namespace Storyline.Reading;

/// <summary>Reads JSONL corpora: one article object a line. A bad line is reported as <c>SOURCE:LINE: reason</c> and skipped.</summary>
internal static class JsonlReader
{
    private static readonly string[] KnownFields =
        ["id", "url", "outlet", "publisher", "title", "published", "publication_date", "date", "text", "html", "author", "authors", "language"];

    public static IEnumerable<ReadResult> Read(TextReader reader, string source, ReaderOptions options)
    {
        var lines = new CappedLineReader(reader, options.MaxJsonlLineChars);
        var lineNumber = 0;
        var documentOptions = new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth };
        while (lines.ReadLine(out var tooLong) is { } line)
        {
            lineNumber++;
            var where = $"{source}:{lineNumber}";
            if (tooLong)
            {
                yield return ReadResult.Failed(where, $"line longer than {options.MaxJsonlLineChars:N0} characters");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLineGuarded(line, where, lineNumber, documentOptions);
        }
    }

    /// <summary>One line's document or problem: whatever goes wrong in it (a parser bug met on hostile input) fails that line alone.</summary>
    private static ReadResult ParseLineGuarded(string line, string where, int lineNumber, JsonDocumentOptions documentOptions)
    {
        try
        {
            return ParseLine(line, where, lineNumber, documentOptions);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ReadResult.Failed(where, $"unreadable line: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ReadResult ParseLine(string line, string where, int lineNumber, JsonDocumentOptions documentOptions)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(JsonSurrogates.Repair(line), documentOptions);
        }
        catch (JsonException e)
        {
            return ReadResult.Failed(where, $"malformed JSON: {FirstSentence(e.Message)}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Failed(where, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var text = String(root, "text");
            var html = String(root, "html");
            var title = String(root, "title");
            var ignored = IgnoredFields(root);
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html) && string.IsNullOrWhiteSpace(title))
            {
                // A headline alone is a news item (feeds and aggregators often carry no more); nothing at all is not.
                var why = ignored.Count == 0 ? string.Empty : $" ({string.Join("; ", ignored)})";
                return ReadResult.Failed(where, $"article has no \"text\", \"html\" or \"title\"{why}");
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownFields.Contains(property.Name) && !metadata.ContainsKey(property.Name))
                {
                    metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }

            var useText = string.IsNullOrWhiteSpace(html) || !string.IsNullOrWhiteSpace(text);
            return ReadResult.Of(new RawDocument
            {
                Source = where,
                Format = useText ? DocumentFormat.PlainText : DocumentFormat.Html,
                Content = (useText ? text : html) ?? string.Empty,
                ExternalId = String(root, "id") ?? $"line-{lineNumber}",
                IdDerived = String(root, "id") is null,
                Url = String(root, "url"),
                Outlet = String(root, "outlet") ?? String(root, "publisher"),
                Title = title,
                Published = String(root, "published") ?? String(root, "publication_date") ?? String(root, "date"),
                Authors = Authors(root),
                Metadata = metadata,
                Warnings = ignored,
            });
        }
    }

    /// <summary>
    /// Content fields given as something other than a string or number (a <c>text</c> as an array of paragraphs): they are
    /// not read, and saying so keeps an article from silently becoming a headline alone.
    /// </summary>
    private static List<string> IgnoredFields(JsonElement root)
    {
        var ignored = new List<string>();
        foreach (var name in (ReadOnlySpan<string>)["text", "html", "title", "published", "publication_date", "date"])
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                ignored.Add($"\"{name}\" is {Article(value.ValueKind)}, not a string; ignored");
            }
        }

        return ignored;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A field as a string: strings as they are, numbers as their JSON text; null, absent or other kinds give null.</summary>
    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string[] Authors(JsonElement root)
    {
        foreach (var name in (ReadOnlySpan<string>)["authors", "author"])
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return TextFileReader.SplitAuthors(value.GetString()!);
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return [.. value.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!.Trim()).Where(a => a.Length > 0)];
            }
        }

        return [];
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

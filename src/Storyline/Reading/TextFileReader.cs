namespace Storyline.Reading;

/// <summary>Turns plain text (with optional header lines) into a <see cref="RawDocument"/>.</summary>
internal static class TextFileReader
{
    /// <summary>The document of a text file; <paramref name="externalId"/> is its derived id, used unless a header declares one.</summary>
    public static ReadResult Read(string source, string text, string? externalId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failed(source, "empty document: no text");
        }

        var parsed = TextHeaderParser.Parse(text);
        var headers = parsed.Headers;
        var metadata = headers
            .Where(h => h.Key is not ("date" or "title" or "url" or "outlet" or "author" or "id"))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        return ReadResult.Of(new RawDocument
        {
            Source = source,
            Format = DocumentFormat.PlainText,
            Content = parsed.Body,
            ExternalId = headers.GetValueOrDefault("id") ?? externalId,
            IdDerived = !headers.ContainsKey("id"),
            Url = headers.GetValueOrDefault("url"),
            Outlet = headers.GetValueOrDefault("outlet"),
            Title = headers.GetValueOrDefault("title"),
            Published = headers.GetValueOrDefault("date"),
            Authors = headers.TryGetValue("author", out var author) ? SplitAuthors(author) : [],
            Metadata = metadata,
        });
    }

    internal static string[] SplitAuthors(string value) =>
        value.Split([",", ";", " and ", " & "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

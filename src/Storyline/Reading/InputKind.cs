namespace Storyline.Reading;

/// <summary>What a file holds, judged from its name.</summary>
internal enum InputKind
{
    Unknown,
    Text,
    Html,
    Jsonl,
}

internal static class InputKinds
{
    /// <summary>The kind of a file by extension; <c>.gz</c> looks at the extension inside (default HTML).</summary>
    public static (InputKind Kind, bool Gzipped) FromPath(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var gzipped = name.EndsWith(".gz", StringComparison.Ordinal);
        if (gzipped)
        {
            name = name[..^3];
        }

        var kind = Path.GetExtension(name) switch
        {
            ".txt" or ".text" => InputKind.Text,
            ".html" or ".htm" or ".xhtml" => InputKind.Html,
            ".jsonl" or ".ndjson" => InputKind.Jsonl,
            _ => gzipped ? InputKind.Html : InputKind.Unknown,
        };
        return (kind, gzipped);
    }
}

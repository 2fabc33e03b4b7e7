namespace Storyline.Reading;

/// <summary>Limits that keep hostile or accidental inputs from exhausting memory.</summary>
public sealed record ReaderOptions
{
    /// <summary>The default limits.</summary>
    public static ReaderOptions Default { get; } = new();

    /// <summary>Largest single text or HTML document accepted, in bytes (after decompression).</summary>
    public long MaxDocumentBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest JSONL line accepted, in characters.</summary>
    public int MaxJsonlLineChars { get; init; } = 20 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a JSONL line.</summary>
    public int MaxJsonDepth { get; init; } = 64;
}

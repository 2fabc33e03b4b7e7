namespace Storyline.Reading;

/// <summary>
/// One document as read from an input, before extraction: its content and whatever metadata the
/// input itself declared (text header lines, JSONL fields). Values are as given, not normalised.
/// </summary>
public sealed class RawDocument
{
    /// <summary>Where the document came from, for messages and provenance: a path, or <c>path:line</c> for JSONL.</summary>
    public required string Source { get; init; }

    /// <summary>How <see cref="Content"/> is encoded.</summary>
    public required DocumentFormat Format { get; init; }

    /// <summary>The document's text or HTML.</summary>
    public required string Content { get; init; }

    /// <summary>The id the input gave the document (JSONL <c>id</c>, or the file name without extension).</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// True when <see cref="ExternalId"/> was made up by the reader (a file's name, a JSONL line's number) rather than
    /// declared by the input: it names the article in output but does not identify it, so two different texts that
    /// share it are both kept.
    /// </summary>
    public bool IdDerived { get; init; }

    /// <summary>The document's URL as declared by the input.</summary>
    public string? Url { get; init; }

    /// <summary>The outlet (publisher) as declared by the input.</summary>
    public string? Outlet { get; init; }

    /// <summary>The title as declared by the input.</summary>
    public string? Title { get; init; }

    /// <summary>The publication time as declared by the input, unparsed.</summary>
    public string? Published { get; init; }

    /// <summary>Authors as declared by the input.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>What the reader found wrong with fields it did not use (a <c>text</c> given as an array), said to the user by extraction.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Other fields of the input, kept as metadata: strings as they are, other JSON values as JSON text.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}

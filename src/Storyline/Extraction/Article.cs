namespace Storyline.Extraction;

/// <summary>A news article as extraction leaves it: clean text as paragraphs, and normalised metadata.</summary>
public sealed class Article
{
    /// <summary>Where it was read from (a path, or <c>path:line</c>).</summary>
    public required string Source { get; init; }

    /// <summary>The id the input gave it; used as the article's id in all output.</summary>
    public required string ExternalId { get; init; }

    /// <summary>
    /// True when <see cref="ExternalId"/> was derived (a file's name, a JSONL line's number) rather than declared: it is
    /// then no identity, and ingest renames it (<c>index~2</c>) when another text of the same outlet already has it.
    /// </summary>
    public bool IdDerived { get; init; }

    /// <summary>The article's title (declared, or taken from the page or the text's first line or sentence).</summary>
    public string? Title { get; init; }

    /// <summary>The publisher's name, or the URL's host when no name is known.</summary>
    public string? Outlet { get; init; }

    /// <summary>The canonical URL, when known.</summary>
    public string? Url { get; init; }

    /// <summary>When it was published, as precise as the source said.</summary>
    public PublishedTime? Published { get; init; }

    /// <summary>Authors named by the source.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>ISO 639-1 language code, when known.</summary>
    public string? Language { get; init; }

    /// <summary>The outlet this article says it was first published by, when it says so.</summary>
    public string? SyndicationOrigin { get; init; }

    /// <summary>The main text, one entry a paragraph.</summary>
    public required IReadOnlyList<string> Paragraphs { get; init; }

    /// <summary>Paragraphs (or blocks) dropped as boilerplate.</summary>
    public int BoilerplateRemoved { get; init; }

    /// <summary>Other metadata of the input, kept as given.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The main text: paragraphs joined by a blank line.</summary>
    public string Text => field ??= string.Join("\n\n", Paragraphs);

    /// <summary>This article under another id (ingest renames a derived id another text of the outlet already has).</summary>
    internal Article WithExternalId(string id) => new()
    {
        Source = Source,
        ExternalId = id,
        IdDerived = IdDerived,
        Title = Title,
        Outlet = Outlet,
        Url = Url,
        Published = Published,
        Authors = Authors,
        Language = Language,
        SyndicationOrigin = SyndicationOrigin,
        Paragraphs = Paragraphs,
        BoilerplateRemoved = BoilerplateRemoved,
        Metadata = Metadata,
    };
}

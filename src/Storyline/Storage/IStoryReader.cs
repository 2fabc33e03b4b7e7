namespace Storyline.Storage;

/// <summary>
/// What a reader of the store (the web reader and its JSON API) looks up beyond <see cref="IStoryStore"/>: stories by
/// filter and page, one article with its marks, an outlet's and a person's coverage. Read only; a store open for reading
/// answers while another process ingests (SQLite WAL).
/// </summary>
public interface IStoryReader
{
    /// <summary>Stories matching <paramref name="query"/>, newest activity first.</summary>
    /// <exception cref="StoreException">The full-text part of the query is not valid FTS5 syntax.</exception>
    IReadOnlyList<StorySummary> BrowseStories(StoryQuery query);

    /// <summary>The people a story's articles name most (by articles naming them), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<string> MainPeople(long storyId, int limit);

    /// <summary>
    /// The article with this external id (of <paramref name="outlet"/> when given; several outlets may use one id, the
    /// first stored is taken), or null.
    /// </summary>
    ArticleDetail? GetArticle(string externalId, string? outlet = null);

    /// <summary>An outlet's newest articles, the sources it cites and the outlets it shares most content with; null when unknown.</summary>
    OutletProfile? GetOutlet(string name, int limit);

    /// <summary>The stories naming a person and the words attributed to them, newest first; null when no article names them.</summary>
    PersonProfile? GetPerson(string name, int limit);

    /// <summary>True when an outlet of this name (compared without case) has articles.</summary>
    bool OutletExists(string name);

    /// <summary>
    /// A fingerprint of the stories and their articles that changes whenever ingest stores or regroups anything: what a
    /// cache of rendered stories is keyed on.
    /// </summary>
    string StoriesFingerprint();
}

/// <summary>A filter and page of stories.</summary>
/// <param name="Limit">Stories at most.</param>
/// <param name="Offset">Stories skipped (paging).</param>
/// <param name="Before">Only stories whose latest activity is before this ISO 8601 time (paging by time).</param>
/// <param name="Outlet">Only stories with an article of this outlet.</param>
/// <param name="Person">Only stories naming this person.</param>
/// <param name="From">Only stories active at or after this date or time (ISO 8601).</param>
/// <param name="To">Only stories begun at or before this date or time (ISO 8601; a date covers its whole day).</param>
/// <param name="Text">Only stories with an article matching this full-text query.</param>
public sealed record StoryQuery(
    int Limit,
    int Offset = 0,
    string? Before = null,
    string? Outlet = null,
    string? Person = null,
    string? From = null,
    string? To = null,
    string? Text = null);

/// <summary>One article as a reader sees it.</summary>
/// <param name="Article">The article.</param>
/// <param name="StoryId">Its story, when grouped.</param>
/// <param name="Text">Its clean text (paragraphs separated by blank lines).</param>
/// <param name="Authors">Its authors.</param>
/// <param name="Names">Every mention of a named entity: type, canonical name, offsets into <paramref name="Text"/>.</param>
/// <param name="Quotes">Its quotes: speaker, direct, offsets into <paramref name="Text"/>.</param>
/// <param name="Sources">The sources it cites.</param>
public sealed record ArticleDetail(
    StoredArticle Article,
    long? StoryId,
    string Text,
    IReadOnlyList<string> Authors,
    IReadOnlyList<NameMention> Names,
    IReadOnlyList<QuoteSpan> Quotes,
    IReadOnlyList<string> Sources);

/// <summary>A mention of a named entity in an article's text.</summary>
/// <param name="Type">PER, ORG, LOC or MISC.</param>
/// <param name="Canonical">The name it resolves to.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset after its last character.</param>
public sealed record NameMention(string Type, string Canonical, int Start, int End);

/// <summary>A quote's place in an article's text.</summary>
/// <param name="Speaker">The resolved speaker, or null.</param>
/// <param name="Direct">True for words in quotation marks.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset after its last character.</param>
public sealed record QuoteSpan(string? Speaker, bool Direct, int Start, int End);

/// <summary>An outlet's coverage.</summary>
/// <param name="Name">The outlet.</param>
/// <param name="ArticleCount">Its articles.</param>
/// <param name="Articles">Its newest articles, with their stories.</param>
/// <param name="Sources">The sources it cites, most cited first, with counts.</param>
/// <param name="SharedWith">The outlets it shares most stories with, with how many.</param>
public sealed record OutletProfile(
    string Name,
    long ArticleCount,
    IReadOnlyList<(StoredArticle Article, long? StoryId)> Articles,
    IReadOnlyList<(string Source, int Count)> Sources,
    IReadOnlyList<(string Outlet, int Stories)> SharedWith);

/// <summary>A person's coverage.</summary>
/// <param name="Name">The person's canonical name.</param>
/// <param name="Stories">Stories naming them, newest activity first.</param>
/// <param name="Quotes">Words attributed to them, newest first.</param>
public sealed record PersonProfile(string Name, IReadOnlyList<StorySummary> Stories, IReadOnlyList<StoryQuote> Quotes);

using Storyline.Analysis.Entities;

namespace Storyline.Storage;

/// <summary>What the comparison stage reads of a story: its articles' clean texts with what analysis found in them.</summary>
public interface IComparisonSource
{
    /// <summary>
    /// The story's articles, earliest first (undated last), with their quotes, cited sources and names; null when
    /// there is no story with this id. A regrouped story's id leads to the story holding most of its articles.
    /// </summary>
    StoryForComparison? ReadForComparison(long storyId);
}

/// <summary>A story as the comparison stage reads it.</summary>
/// <param name="StoryId">The story's id (that of the story an alias led to).</param>
/// <param name="Title">Its title.</param>
/// <param name="Articles">Its articles, earliest first, undated last.</param>
public sealed record StoryForComparison(long StoryId, string? Title, IReadOnlyList<ArticleForComparison> Articles);

/// <summary>One article of a story, with its analysis.</summary>
/// <param name="Id">Its external id.</param>
/// <param name="Outlet">Its outlet, when known.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">Publication time at the precision its source gave (ISO 8601), when known.</param>
/// <param name="Text">Its clean text.</param>
/// <param name="CopyOf">The external id of the article it copies, when it is a copy.</param>
/// <param name="Origin">The outlet it says it first appeared in, when it says so.</param>
public sealed record ArticleForComparison(string Id, string? Outlet, string? Title, string? Published, string Text, string? CopyOf, string? Origin)
{
    /// <summary>Its quotes and reported speech, in text order.</summary>
    public IReadOnlyList<ArticleQuote> Quotes { get; init; } = [];

    /// <summary>The sources it cites, in text order.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The names it mentions (canonical within the article), with how many times.</summary>
    public IReadOnlyList<(EntityType Type, string Name, int Mentions)> Names { get; init; } = [];
}

/// <summary>A quote as stored: offsets into the article's clean text.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">The quoted or reported words.</param>
/// <param name="Speaker">The resolved speaker, when attributed.</param>
/// <param name="Direct">True for words in quotation marks.</param>
public sealed record ArticleQuote(int Start, int End, string Text, string? Speaker, bool Direct);

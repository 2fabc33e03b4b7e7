using Storyline.Analysis.Entities;

namespace Storyline.Comparison;

/// <summary>How each article of a story told it: what they share, what each alone says, quotes, sources, names and time.</summary>
/// <param name="StoryId">The story compared.</param>
/// <param name="Title">Its title.</param>
/// <param name="Articles">Per article, earliest first (undated last): its coverage.</param>
/// <param name="Passages">Content two or more articles report, most widely reported first.</param>
/// <param name="Quotes">Each quotation with its variants across articles (one article's alone included).</param>
/// <param name="Sources">Each cited source with the articles citing it.</param>
/// <param name="Entities">People, organisations, places and other names, short names linked to full ones.</param>
/// <param name="Timeline">The articles in time order with who was first, copies and syndication origins.</param>
public sealed record StoryComparison(
    long StoryId,
    string? Title,
    IReadOnlyList<ArticleCoverage> Articles,
    IReadOnlyList<SharedPassage> Passages,
    IReadOnlyList<QuoteComparison> Quotes,
    IReadOnlyList<SourceCoverage> Sources,
    IReadOnlyList<EntityCoverage> Entities,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>One article's coverage.</summary>
/// <param name="Id">Its external id.</param>
/// <param name="Outlet">Its outlet, when known.</param>
/// <param name="Origin">The outlet it says it first appeared in (syndication), when it says so.</param>
/// <param name="Published">Its publication time at the precision its source gave, when known.</param>
/// <param name="CopyOf">The id of the article it copies, when it is a copy.</param>
/// <param name="Words">How many words its text has.</param>
/// <param name="Shared">The share of its words in passages that other articles also report (0-1).</param>
/// <param name="Unique">Its passages no other article reports.</param>
/// <param name="Missing">Indexes into <see cref="StoryComparison.Passages"/> of core passages (reported by most articles) it leaves out.</param>
public sealed record ArticleCoverage(
    string Id, string? Outlet, string? Origin, string? Published, string? CopyOf, int Words, double Shared, IReadOnlyList<TextSpan> Unique, IReadOnlyList<int> Missing);

/// <summary>A span of an article's clean text (for an article with no text, its title).</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Text">Its characters.</param>
public sealed record TextSpan(int Start, int End, string Text);

/// <summary>Content that two or more articles report: one passage of each.</summary>
/// <param name="Articles">Each reporting article's passage, in article order.</param>
public sealed record SharedPassage(IReadOnlyList<PassageOccurrence> Articles);

/// <summary>An article's passage within a <see cref="SharedPassage"/>.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Span">The passage.</param>
/// <param name="Similarity">The same-content probability of its best link within the group (0-1).</param>
public sealed record PassageOccurrence(string Id, TextSpan Span, double Similarity);

/// <summary>One quotation across articles.</summary>
/// <param name="Speaker">Who said it (the name most articles give, short names linked), when attributed.</param>
/// <param name="Articles">The articles quoting it.</param>
/// <param name="Variants">Each distinct wording with the articles using it, most used first.</param>
/// <param name="Diff">Word-level difference from the first variant to the second (the first alone, unchanged, when there is one).</param>
/// <param name="SpeakersDisagree">True when articles attribute it to different people.</param>
public sealed record QuoteComparison(string? Speaker, IReadOnlyList<string> Articles, IReadOnlyList<QuoteVariant> Variants, IReadOnlyList<DiffSegment> Diff, bool SpeakersDisagree);

/// <summary>One wording of a quotation; an article that splits it gives its parts joined by " … ".</summary>
/// <param name="Text">The words.</param>
/// <param name="Articles">The articles with this wording.</param>
public sealed record QuoteVariant(string Text, IReadOnlyList<string> Articles);

/// <summary>What a diff segment is.</summary>
public enum DiffOp
{
    /// <summary>In both.</summary>
    Same,

    /// <summary>Only in the first wording.</summary>
    Removed,

    /// <summary>Only in the second wording.</summary>
    Added,
}

/// <summary>A run of words of a diff.</summary>
/// <param name="Op">Kept, removed or added.</param>
/// <param name="Text">The words.</param>
public sealed record DiffSegment(DiffOp Op, string Text);

/// <summary>A cited source and the articles citing it.</summary>
/// <param name="Name">The source ("TASS").</param>
/// <param name="Articles">The articles citing it.</param>
public sealed record SourceCoverage(string Name, IReadOnlyList<string> Articles);

/// <summary>A name the story's articles mention.</summary>
/// <param name="Name">Its fullest form ("Steve Bannon" for "Bannon").</param>
/// <param name="Type">Person, organisation, place or other.</param>
/// <param name="Articles">The articles naming it.</param>
public sealed record EntityCoverage(string Name, EntityType Type, IReadOnlyList<string> Articles);

/// <summary>An article in time.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Outlet">Its outlet, when known.</param>
/// <param name="Published">Its publication time at its source's precision, when known.</param>
/// <param name="CopyOf">The article it copies, when it is a copy.</param>
/// <param name="Origin">The outlet it says first published it, when it says so.</param>
/// <param name="First">True when no article was certainly published before it (a date-only and a timed article of the same day are not ordered).</param>
public sealed record TimelineEntry(string Id, string? Outlet, string? Published, string? CopyOf, string? Origin, bool First);

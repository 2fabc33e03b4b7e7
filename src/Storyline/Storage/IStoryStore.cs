using Storyline.Clustering;

namespace Storyline.Storage;

/// <summary>
/// Where Storyline keeps articles, stories and the state grouping needs between runs. Every write
/// method is one transaction: after it returns the data survives a crash; if it throws, nothing of it
/// was written.
/// </summary>
public interface IStoryStore : IDisposable
{
    /// <summary>True when an article with this content hash, or this outlet and external id, is stored.</summary>
    bool Contains(string contentHash, string? outlet, string externalId);

    /// <summary>
    /// The stored article with this content (or this outlet and external id), and whether it is the same source again.
    /// With <paramref name="idDerived"/> (an id made up from a file's name or a line's number) the id identifies nothing:
    /// only the content is looked up, and a stored article holding the id renamed (<c>index~2</c>) counts as the same source.
    /// </summary>
    DuplicateMatch? FindDuplicate(string contentHash, string? outlet, string externalId, string? url, bool idDerived = false);

    /// <summary>Records other sources of stored articles' identical text (each article keeps every source URL), in one transaction.</summary>
    void AddAliases(IReadOnlyList<(long ArticleId, Extraction.Article Article)> aliases);

    /// <summary>
    /// Signatures of grouped articles published at or after <paramref name="since"/> (and at or before
    /// <paramref name="until"/> when given), by publication time, for copy detection.
    /// </summary>
    IEnumerable<DedupEntry> ReadSignatures(DateTimeOffset since, DateTimeOffset? until = null);

    /// <summary>
    /// Stores articles in one transaction and returns the ids of those stored, in order. An article whose text, or
    /// outlet and id, is already stored — by another process since the caller checked — is skipped, not an error.
    /// </summary>
    IReadOnlyList<long> AddArticles(IReadOnlyList<NewArticle> articles);

    /// <summary>Ids and publication times (UTC, or null) of the articles not yet in a story, in the order they were stored.</summary>
    IReadOnlyList<(long Id, DateTimeOffset? Published)> UngroupedArticles();

    /// <summary>One article as the clusterer reads it.</summary>
    ClusteringInput ReadForClustering(long articleId);

    /// <summary>
    /// Stories that reach <paramref name="since"/> (stories that may still grow: their latest article is at or after it,
    /// or an undated member may be), with the earliest time of their articles (null when none has one), earliest first
    /// (untimed ones first), then by id. With <paramref name="until"/>, only stories whose first time is at or before it
    /// (or that have none).
    /// </summary>
    IReadOnlyList<(long StoryId, DateTimeOffset? First)> OpenStories(DateTimeOffset since, DateTimeOffset? until = null);

    /// <summary>One story's articles, each at the time grouping put it (an undated one's included), in that order (then by id).</summary>
    IEnumerable<ClusteringInput> ReadStory(long storyId);

    /// <summary>The latest publication time of any story, or null when none is dated.</summary>
    DateTimeOffset? LatestStoryActivity();

    /// <summary>
    /// Articles grouped at or after <paramref name="since"/> (by the time they were grouped at), oldest first; null when
    /// there are more than <paramref name="limit"/>.
    /// </summary>
    IReadOnlyList<long>? GroupedSince(DateTimeOffset since, int limit);

    /// <summary>
    /// Takes <paramref name="articles"/> out of their stories, for a new batch to be grouped with them as if all had
    /// been ingested at once: their copy links are cleared (grouping finds them again), stories left empty are deleted, and the
    /// others' counts and spans recomputed; <paramref name="statistics"/>' pending changes (the articles' terms
    /// uncounted) are saved in the same transaction.
    /// </summary>
    Ungrouping Ungroup(IReadOnlyList<long> articles, TermStatistics statistics);

    /// <summary>
    /// After a regrouping: each former story not formed again under its id becomes an alias of the story that now holds
    /// most of its former articles (<paramref name="formerStory"/>: article → former story), and aliases of it follow.
    /// </summary>
    void RecordStoryAliases(IReadOnlyDictionary<long, long> formerStory);

    /// <summary>Term statistics persisted by earlier runs.</summary>
    TermStatistics LoadTermStatistics();

    /// <summary>The id the next new story should get.</summary>
    long NextStoryId();

    /// <summary>Writes story assignments, story titles and spans, term-statistics changes and copy links in one transaction.</summary>
    void SaveGrouping(IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<StorySnapshot> stories, TermStatistics statistics, IReadOnlyList<CopyLink>? copies = null);

    /// <summary>
    /// As <see cref="SaveGrouping"/> when the store can write at once; returns false, writing nothing, while another
    /// writer of this store (<see cref="IndexPendingText"/> on another thread) has the turn, so grouping can go on
    /// and save later instead of waiting.
    /// </summary>
    /// <param name="assignments">As for <see cref="SaveGrouping"/>.</param>
    /// <param name="stories">As for <see cref="SaveGrouping"/>.</param>
    /// <param name="statistics">As for <see cref="SaveGrouping"/>.</param>
    /// <param name="copies">As for <see cref="SaveGrouping"/>.</param>
    /// <param name="reserve">
    /// When the other writer has the turn: keep the next one for this store's writes (for a second at most), so that
    /// a try soon after succeeds rather than finding the other writer in its next turn.
    /// </param>
    bool TrySaveGrouping(IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<StorySnapshot> stories, TermStatistics statistics, IReadOnlyList<CopyLink>? copies = null, bool reserve = false);

    /// <summary>Stories, newest activity first.</summary>
    IReadOnlyList<StorySummary> ListStories(int limit = int.MaxValue);

    /// <summary>
    /// One story, or null when there is none with this id. The id of a story a regrouping took apart leads to the story
    /// that holds most of its articles (<see cref="RecordStoryAliases"/>), whose own id the summary has.
    /// </summary>
    StorySummary? GetStory(long storyId);

    /// <summary>
    /// Adds the articles stored since the last call to the full-text index, in bulk (ingest does not index row by
    /// row). Uses a connection of its own, so it may run on another thread while this store is used; stops between
    /// batches when cancelled. Returns how many articles it indexed. <see cref="Search"/> calls it first.
    /// </summary>
    int IndexPendingText(CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of articles that are in a story and have a publication time of their own, whose title or text holds at least
    /// two of <paramref name="terms"/> (full-text index; articles not indexed yet are not found), newest first, at most
    /// <paramref name="limit"/>: where grouping looks for the story an undated article of a new batch may belong to.
    /// </summary>
    IReadOnlyList<long> FindGroupedByTerms(IReadOnlyList<string> terms, int limit);

    /// <summary>Articles matching an FTS5 query over title and text, best first.</summary>
    /// <exception cref="StoreException">The query is not valid FTS5 syntax.</exception>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    /// <summary>The entities a story's articles name and the sources each outlet cites.</summary>
    StoryDetails GetStoryDetails(long storyId);

    /// <summary>What the store holds.</summary>
    StoreCounts Counts();
}

using Storyline.Clustering;
using Storyline.Dedup;
using Storyline.Storage;

namespace Storyline;

/// <summary>
/// What earlier ingests stored, met by the grouping stream as it reaches it rather than all at once, as if they had
/// been ingested together with the batch: a stored story is restored into the clusterer when an article comes within
/// the window of its first article, and a stored article joins the copy index once the stream reaches its publication
/// time (an article is a copy only of one published before it). A batch of older articles (a backfill) then neither
/// joins nor copies later stories, and does not read every later story of the store. The other way round, a stored
/// original that turns out to copy an older article of the batch (a reprint stored before the report it reprinted) is
/// found ahead of its time (<see cref="FindLaterCopy"/>), so that it becomes that article's copy as it would at once.
/// </summary>
/// <param name="store">Where the stories are read from.</param>
/// <param name="clusterer">Where they are restored.</param>
/// <param name="stories">The stories that reach the batch's horizon, by their first time (untimed first).</param>
/// <param name="copies">Where stored signatures are added.</param>
/// <param name="signatures">Stored signatures from the copy window's horizon on, by publication time.</param>
/// <param name="window">How far apart in time an article and a story may be to be compared.</param>
/// <param name="copyWindow">How far apart in time a copy and its original may be.</param>
internal sealed class StoredStream(
    IStoryStore store,
    StoryClusterer clusterer,
    IReadOnlyList<(long StoryId, DateTimeOffset? First)> stories,
    CopyTracker copies,
    IReadOnlyList<DedupEntry> signatures,
    TimeSpan window,
    TimeSpan copyWindow)
{
    private readonly CopyDetector _ahead = new();
    private readonly Dictionary<long, DedupEntry> _aheadEntries = [];
    private readonly Dictionary<long, long> _revised = [];
    private int _nextStory;
    private int _nextSignature;
    private int _nextAhead;

    /// <summary>
    /// Restores stories that lost articles to a regrouping now, whatever their time, and counts them as changed: their
    /// title, span and count are saved again even if nothing joins them.
    /// </summary>
    public void RestoreTruncated(IEnumerable<long> storyIds)
    {
        foreach (var storyId in storyIds)
        {
            Restore(storyId);
            clusterer.Touch(storyId);
        }
    }

    /// <summary>The stories restored so far.</summary>
    public HashSet<long> Restored { get; } = [];

    /// <summary>
    /// Before an article at <paramref name="time"/> (reaching <paramref name="reach"/>, the later time it may have) is
    /// grouped: restores every story it could be compared with, those whose first article is at most a window after
    /// its reach, and indexes the stored articles published up to its time. An article without a time is compatible
    /// with every story and may copy any article: all are restored and indexed.
    /// </summary>
    public void AdvanceTo(DateTimeOffset? time, DateTimeOffset? reach)
    {
        while (_nextSignature < signatures.Count && (time is not { } t || signatures[_nextSignature].Published is not { } published || published <= t))
        {
            var entry = signatures[_nextSignature++];
            var copyOf = _revised.TryGetValue(entry.ArticleId, out var original) ? original : entry.CopyOf;
            copies.Add(entry.ArticleId, entry.Published, entry.Signature, entry.StoryId, copyOf);
        }

        while (_nextStory < stories.Count && (reach is not { } r || stories[_nextStory].First is not { } first || first - window <= r))
        {
            Restore(stories[_nextStory++].StoryId);
        }
    }

    /// <summary>
    /// The stored original, published after <paramref name="time"/> and within the copy window, that best copies an
    /// article of the batch which copies nothing earlier; or null. Ingested at once, that original would have been
    /// found a copy of the article and put in its story; here the article goes to the original's story instead (restored
    /// now if the stream has not reached it), and the original is recorded as the article's copy (<see cref="Revise"/>).
    /// </summary>
    public (long ArticleId, double Jaccard, long StoryId)? FindLaterCopy(DateTimeOffset? time, MinHashSignature signature)
    {
        if (time is not { } t)
        {
            return null; // an undated article has no "later"
        }

        _nextAhead = Math.Max(_nextAhead, _nextSignature);
        while (_nextAhead < signatures.Count && signatures[_nextAhead].Published is { } published && published <= t + copyWindow)
        {
            var entry = signatures[_nextAhead++];
            if (entry.CopyOf is null && entry.StoryId is not null && published > t)
            {
                _ahead.Add(entry.ArticleId, entry.Signature, published);
                _aheadEntries[entry.ArticleId] = entry;
            }
        }

        if (_aheadEntries.Count == 0)
        {
            return null; // the common case: nothing stored after the batch (a forward ingest or a fresh store)
        }

        // Only those after the article: one at its time or before is already in the copy index, as an earlier article.
        foreach (var id in _ahead.EvictBefore(t.AddTicks(1)))
        {
            _aheadEntries.Remove(id);
        }

        if (_ahead.FindOriginal(signature) is not { } match)
        {
            return null;
        }

        var later = _aheadEntries[match.OriginalId];
        if (!Restored.Contains(later.StoryId!.Value))
        {
            Restore(later.StoryId.Value);
        }

        return (later.ArticleId, match.Jaccard, later.StoryId.Value);
    }

    /// <summary>Records that the stored <paramref name="copyId"/> copies <paramref name="originalId"/>, so that it is indexed as that copy when the stream reaches it.</summary>
    public void Revise(long copyId, long originalId)
    {
        _revised[copyId] = originalId;
        _ahead.Remove(copyId); // a copy now, no longer anyone's original
        _aheadEntries.Remove(copyId);
    }

    private void Restore(long storyId)
    {
        if (!Restored.Add(storyId))
        {
            return;
        }

        foreach (var input in store.ReadStory(storyId))
        {
            clusterer.Restore(input.Item, storyId);
        }
    }
}

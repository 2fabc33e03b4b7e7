using Storyline.Clustering;
using Storyline.Dedup;
using Storyline.Storage;

namespace Storyline;

/// <summary>
/// What earlier ingests stored, met by the grouping stream as it reaches it rather than all at once, as if they had
/// been ingested together with the batch: a stored story is restored into the clusterer when an article comes within
/// the window of its first article, and a stored article joins the copy index once the stream reaches its publication
/// time (an article is a copy only of one published before it). A batch of older articles (a backfill) then neither
/// joins nor copies later stories, and does not read every later story of the store.
/// </summary>
/// <param name="store">Where the stories are read from.</param>
/// <param name="clusterer">Where they are restored.</param>
/// <param name="stories">The stories that reach the batch's horizon, by their first time (untimed first).</param>
/// <param name="copies">Where stored signatures are added.</param>
/// <param name="signatures">Stored signatures from the copy window's horizon on, by publication time.</param>
/// <param name="window">How far apart in time an article and a story may be to be compared.</param>
internal sealed class StoredStream(
    IStoryStore store,
    StoryClusterer clusterer,
    IReadOnlyList<(long StoryId, DateTimeOffset? First)> stories,
    CopyTracker copies,
    IReadOnlyList<DedupEntry> signatures,
    TimeSpan window)
{
    private int _nextStory;
    private int _nextSignature;

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
            copies.Add(entry.ArticleId, entry.Published, entry.Signature, entry.StoryId, entry.CopyOf);
        }

        while (_nextStory < stories.Count && (reach is not { } r || stories[_nextStory].First is not { } first || first - window <= r))
        {
            var storyId = stories[_nextStory++].StoryId;
            foreach (var input in store.ReadStory(storyId))
            {
                clusterer.Restore(input.Item, storyId);
            }

            Restored.Add(storyId);
        }
    }
}

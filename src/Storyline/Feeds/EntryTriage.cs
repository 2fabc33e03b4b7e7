using Storyline.Reading.Feeds;
using Storyline.Storage;

namespace Storyline.Feeds;

/// <summary>What an entry read in a poll is, against what was taken in from its feed before.</summary>
internal enum EntryKind
{
    /// <summary>Taken in before, unchanged: nothing to do.</summary>
    Known,

    /// <summary>Taken in before under another guid (the feed changes its guids): only the new key is recorded.</summary>
    Renamed,

    /// <summary>Taken in before, with other content: stored again as a new version.</summary>
    Edited,

    /// <summary>Not seen before.</summary>
    New,
}

/// <summary>
/// Sorts the entries of a poll into new, edited, renamed and known, so that a feed that changes or reuses guids
/// neither duplicates nor drops articles: a known guid with another link and other content is a new entry (a reused
/// guid), an unknown guid with a known link or the same content is the same entry (a changed guid).
/// </summary>
internal static class EntryTriage
{
    public readonly record struct Decision(EntryKind Kind, FeedEntryState State);

    public static Decision Decide(IFeedStore store, long feedId, FeedItem item)
    {
        var key = EntryIdentity.Key(item);
        var hash = EntryIdentity.ContentHash(item);
        var link = item.Link;
        var matches = store.FindEntries(feedId, key, link, hash);
        var exact = matches.FirstOrDefault(m => m.Key == key);
        if (exact is not null)
        {
            if (exact.ContentHash == hash)
            {
                return new(EntryKind.Known, exact);
            }

            var reused = link is not null && exact.Link is not null && link != exact.Link;
            if (!reused)
            {
                return new(EntryKind.Edited, new FeedEntryState(key, link, hash, VersionId(exact.ExternalId, hash)));
            }

            // The same guid on another article: it is keyed by guid and link from now on.
            var reusedKey = key + " " + link;
            var again = store.FindEntries(feedId, reusedKey, null, hash).FirstOrDefault(m => m.Key == reusedKey);
            return again is not null
                ? new(again.ContentHash == hash ? EntryKind.Known : EntryKind.Edited, again.ContentHash == hash ? again : new FeedEntryState(reusedKey, link, hash, VersionId(again.ExternalId, hash)))
                : new(EntryKind.New, new FeedEntryState(reusedKey, link, hash, link!));
        }

        var sameContent = matches.FirstOrDefault(m => m.ContentHash == hash);
        if (sameContent is not null)
        {
            return new(EntryKind.Renamed, sameContent with { Key = key, Link = link ?? sameContent.Link });
        }

        var sameLink = link is null ? null : matches.FirstOrDefault(m => m.Link == link);
        if (sameLink is not null)
        {
            return new(EntryKind.Edited, new FeedEntryState(key, link, hash, VersionId(sameLink.ExternalId, hash)));
        }

        return new(EntryKind.New, new FeedEntryState(key, link, hash, key));
    }

    /// <summary>The id of an edit's version: the first version's id and the new content's hash.</summary>
    private static string VersionId(string externalId, string hash)
    {
        var at = externalId.LastIndexOf("#v:", StringComparison.Ordinal);
        return (at >= 0 ? externalId[..at] : externalId) + "#v:" + hash[..12];
    }
}

namespace Storyline.Dedup;

/// <summary>
/// Copy detection over a stream in publication order: indexes each article's signature with the story
/// it went to, finds the earliest article a new one copies (following copy chains to their original),
/// and forgets articles older than the copy window, so memory is bounded by the window.
/// </summary>
public sealed class CopyTracker(TimeSpan window)
{
    private readonly CopyDetector _detector = new();
    private readonly Dictionary<long, (long? StoryId, long? CopyOf)> _known = [];

    /// <summary>Copies found so far.</summary>
    public int Found { get; private set; }

    /// <summary>Indexes an article already processed (from storage or earlier in the stream).</summary>
    public void Add(long articleId, DateTimeOffset? published, MinHashSignature signature, long? storyId, long? copyOf)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.ShingleCount < CopyDetector.MinShingles)
        {
            return; // too short to be indexed, so never anyone's original
        }

        _detector.Add(articleId, signature, published);
        _known[articleId] = (storyId, copyOf);
    }

    /// <summary>The original that an article published at <paramref name="published"/> copies, and that original's story; or null.</summary>
    public (long OriginalId, double Jaccard, long? StoryId)? FindOriginal(DateTimeOffset? published, MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (published is { } time)
        {
            foreach (var id in _detector.EvictBefore(time - window))
            {
                _known.Remove(id);
            }
        }

        if (_detector.FindOriginal(signature) is not { } match)
        {
            return null;
        }

        // A copy of a copy is a copy of the original.
        var original = match.OriginalId;
        for (var hops = 0; hops < 16 && _known.TryGetValue(original, out var known) && known.CopyOf is { } earlier; hops++)
        {
            original = earlier;
        }

        Found++;
        var story = _known.TryGetValue(original, out var o) && o.StoryId is not null ? o.StoryId : _known.GetValueOrDefault(match.OriginalId).StoryId;
        return (original, match.Jaccard, story);
    }
}

namespace Storyline.Dedup;

/// <summary>
/// Near-duplicate detection by MinHash with LSH banding (<see cref="Bands"/> bands of <see cref="Rows"/>
/// rows): a new article is compared only with indexed articles that agree on a whole band, then judged a
/// copy (wire reprint, aggregator repost, light edit) when the estimated Jaccard similarity is at least
/// <see cref="MinJaccard"/>, or most of the shorter text is inside the longer (a repost wrapped in chrome).
/// Not thread-safe; memory is bounded by what the caller indexes (the dedup window).
/// </summary>
public sealed class CopyDetector
{
    /// <summary>LSH bands.</summary>
    public const int Bands = 32;

    /// <summary>Rows per band: with 32×4, pairs at Jaccard 0.5 become candidates 87% of the time, at 0.6 98.5%.</summary>
    public const int Rows = MinHashSignature.Size / Bands;

    /// <summary>Least estimated Jaccard similarity for a copy.</summary>
    public const double MinJaccard = 0.6;

    /// <summary>Least estimated containment (with at least <see cref="MinJaccardForContainment"/>) for a copy.</summary>
    public const double MinContainment = 0.85;

    /// <summary>Jaccard floor for the containment rule, so that a short quote does not make a copy.</summary>
    public const double MinJaccardForContainment = 0.3;

    /// <summary>Texts with fewer shingles are too short to call copies (headlines): they are not indexed.</summary>
    public const int MinShingles = 20;

    private readonly Dictionary<ulong, List<long>> _buckets = [];
    private readonly Dictionary<long, MinHashSignature> _signatures = [];
    private readonly Queue<(DateTimeOffset Time, long Id)> _byTime = new();

    /// <summary>How many articles are indexed.</summary>
    public int Count => _signatures.Count;

    /// <summary>The best earlier copy match of a signature among the indexed articles, or null.</summary>
    public CopyMatch? FindOriginal(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.ShingleCount < MinShingles)
        {
            return null;
        }

        CopyMatch? best = null;
        var seen = new HashSet<long>();
        for (var band = 0; band < Bands; band++)
        {
            if (!_buckets.TryGetValue(BandKey(signature, band), out var ids))
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (!seen.Add(id))
                {
                    continue;
                }

                var other = _signatures[id];
                var jaccard = signature.Jaccard(other);
                var containment = signature.Containment(other);
                var isCopy = jaccard >= MinJaccard || (jaccard >= MinJaccardForContainment && containment >= MinContainment);
                if (isCopy && (best is null || jaccard > best.Jaccard || (jaccard == best.Jaccard && id < best.OriginalId)))
                {
                    best = new CopyMatch(id, jaccard, containment);
                }
            }
        }

        return best;
    }

    /// <summary>Indexes an article's signature (texts under <see cref="MinShingles"/> shingles are ignored).</summary>
    /// <param name="articleId">The article.</param>
    /// <param name="signature">Its signature.</param>
    /// <param name="time">Its publication time, for <see cref="EvictBefore"/>; undated articles stay until the detector is dropped.</param>
    public void Add(long articleId, MinHashSignature signature, DateTimeOffset? time = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.ShingleCount < MinShingles || !_signatures.TryAdd(articleId, signature))
        {
            return;
        }

        if (time is { } t)
        {
            _byTime.Enqueue((t, articleId));
        }

        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(signature, band);
            if (!_buckets.TryGetValue(key, out var ids))
            {
                ids = [];
                _buckets[key] = ids;
            }

            ids.Add(articleId);
        }
    }

    /// <summary>Forgets articles published before <paramref name="horizon"/> (in the order they were added), bounding memory by the window.</summary>
    /// <returns>The ids forgotten.</returns>
    public List<long> EvictBefore(DateTimeOffset horizon)
    {
        var evicted = new List<long>();
        while (_byTime.Count > 0 && _byTime.Peek().Time < horizon)
        {
            var (_, id) = _byTime.Dequeue();
            if (Remove(id))
            {
                evicted.Add(id);
            }
        }

        return evicted;
    }

    /// <summary>Forgets one article (its entry in the time order is skipped when reached).</summary>
    /// <returns>Whether it was indexed.</returns>
    public bool Remove(long articleId)
    {
        if (!_signatures.Remove(articleId, out var signature))
        {
            return false;
        }

        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(signature, band);
            if (_buckets.TryGetValue(key, out var ids))
            {
                ids.Remove(articleId);
                if (ids.Count == 0)
                {
                    _buckets.Remove(key);
                }
            }
        }

        return true;
    }

    private static ulong BandKey(MinHashSignature signature, int band)
    {
        var hash = 14695981039346656037UL ^ (ulong)band;
        foreach (var value in signature.Values.Slice(band * Rows, Rows))
        {
            hash = (hash ^ value) * 1099511628211UL;
        }

        return hash;
    }
}

namespace Storyline.Clustering;

/// <summary>
/// Estimates when undated articles were published from what they say: an undated article is given the time
/// of the dated article of the same batch whose distinctive terms it shares most (cosine of the top
/// <see cref="TopTerms"/> TF-IDF terms, IDF over the batch), when that match is close enough — or at all,
/// when the input's order says nothing of time (see <see cref="OrderFollowsTime"/>: then the fallback, the times
/// of the article's neighbours in input order, would be arbitrary). Unlike a time taken from neighbours in input
/// order, this does not depend on how the input happens to be ordered.
/// </summary>
/// <remarks>
/// Two passes over the batch's dated articles (document frequencies, then the match), holding the undated
/// articles' vectors and the batch's vocabulary. The first pass also keeps the term counts of up to
/// <see cref="KeptCounts"/> dated articles, compactly (term numbers), so that the second reads and counts only
/// those beyond: memory stays bounded however large the batch, and the result is the same either way.
/// </remarks>
public static class UndatedTimes
{
    /// <summary>Terms a vector keeps: enough to describe an article, few enough to compare many.</summary>
    public const int TopTerms = 40;

    /// <summary>
    /// The cosine a match needs. On allsides-train, undated articles whose best dated match reaches 0.3 get a
    /// time within 3 days of their story's for 93% of them (97–100% from 0.4); below, the match is often another story.
    /// </summary>
    public const double MinCosine = 0.3;

    /// <summary>
    /// The share of consecutive dated inputs within <see cref="NearDays"/> of each other above which input order
    /// is taken to follow time or story (a feed, a file sorted by date or grouped by story), so that an undated
    /// article's neighbours tell its time. allsides-train, grouped by story: 0.49; the same lines shuffled: 0.004.
    /// </summary>
    public const double OrderedShare = 0.2;

    /// <summary>Dated articles whose term counts the first pass keeps for the second (a few KB each).</summary>
    public const int KeptCounts = 16_384;

    /// <summary>How close in time consecutive dated inputs must be to count as ordered.</summary>
    public const double NearDays = 3;

    /// <summary>
    /// For each input (in input order), the estimated time of an undated article, or null (dated, or no close match).
    /// </summary>
    /// <param name="input">The batch's articles in input order, with their own publication times.</param>
    /// <param name="read">Reads the article at an input index (once; a second time for the dated articles beyond <see cref="KeptCounts"/>).</param>
    /// <param name="options">Tokenising options, as grouping uses them.</param>
    public static DateTimeOffset?[] Estimate(IReadOnlyList<(long Id, DateTimeOffset? Published)> input, Func<int, ClusterItem> read, ClusteringOptions options) =>
        Estimate(input, read, options, KeptCounts);

    /// <summary><see cref="Estimate(IReadOnlyList{ValueTuple{long, DateTimeOffset?}}, Func{int, ClusterItem}, ClusteringOptions)"/> keeping at most <paramref name="keep"/> dated articles' counts between the passes.</summary>
    internal static DateTimeOffset?[] Estimate(IReadOnlyList<(long Id, DateTimeOffset? Published)> input, Func<int, ClusterItem> read, ClusteringOptions options, int keep)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(options);
        var estimates = new DateTimeOffset?[input.Count];
        if (!input.Any(i => i.Published is null) || !input.Any(i => i.Published is not null))
        {
            return estimates;
        }

        // Pass 1: document frequencies over the batch; the undated articles' counts kept, and the first dated ones'.
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var undated = new List<(int Index, Dictionary<string, double> Counts)>();
        var kept = new KeptTerms();
        foreach (var (index, counts) in Counted(input.Count, read, options, _ => true))
        {
            foreach (var term in counts.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }

            if (input[index].Published is null)
            {
                undated.Add((index, counts));
            }
            else if (kept.Articles < keep)
            {
                kept.Keep(index, counts);
            }
        }

        // The undated articles' vectors, indexed by term.
        var postings = new Dictionary<string, List<(int Undated, double Weight)>>(StringComparer.Ordinal);
        for (var u = 0; u < undated.Count; u++)
        {
            foreach (var (term, weight) in Vector(undated[u].Counts, documentFrequency, input.Count))
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((u, weight));
            }
        }

        // Pass 2: each dated article against the undated ones it shares terms with; the earliest input wins ties.
        var best = new double[undated.Count];
        var bestTime = new DateTimeOffset?[undated.Count];
        var dots = new Dictionary<int, double>();
        var dated = kept.All().Concat(Counted(input.Count, read, options, i => input[i].Published is not null && !kept.Has(i)));
        foreach (var (index, counts) in dated)
        {
            dots.Clear();
            foreach (var (term, weight) in Vector(counts, documentFrequency, input.Count))
            {
                if (postings.TryGetValue(term, out var list))
                {
                    foreach (var (u, w) in list)
                    {
                        dots[u] = dots.GetValueOrDefault(u) + (weight * w);
                    }
                }
            }

            foreach (var (u, dot) in dots)
            {
                if (dot > best[u])
                {
                    best[u] = dot;
                    bestTime[u] = input[index].Published;
                }
            }
        }

        var minCosine = OrderFollowsTime(input) ? MinCosine : double.Epsilon;
        for (var u = 0; u < undated.Count; u++)
        {
            if (best[u] >= minCosine)
            {
                estimates[undated[u].Index] = bestTime[u];
            }
        }

        return estimates;
    }

    /// <summary>
    /// Whether at least <see cref="OrderedShare"/> of the consecutive pairs of dated inputs (undated ones skipped)
    /// lie within <see cref="NearDays"/> of each other: an input in random order almost never does.
    /// </summary>
    public static bool OrderFollowsTime(IReadOnlyList<(long Id, DateTimeOffset? Published)> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateTimeOffset? previous = null;
        int pairs = 0, near = 0;
        foreach (var (_, published) in input)
        {
            if (published is not { } time)
            {
                continue;
            }

            if (previous is { } last)
            {
                pairs++;
                near += Math.Abs((time - last).TotalDays) <= NearDays ? 1 : 0;
            }

            previous = time;
        }

        return pairs == 0 || near >= OrderedShare * pairs;
    }

    /// <summary>The selected articles' combined term counts, in input order, tokenised a chunk at a time on every core.</summary>
    private static IEnumerable<(int Index, Dictionary<string, double> Counts)> Counted(int count, Func<int, ClusterItem> read, ClusteringOptions options, Func<int, bool> selected)
    {
        const int Chunk = 256;
        for (var start = 0; start < count; start += Chunk)
        {
            var indexes = Enumerable.Range(start, Math.Min(Chunk, count - start)).Where(selected).ToArray();
            var items = indexes.Select(read).ToArray();
            var counts = new Dictionary<string, double>[items.Length];
            Parallel.For(0, items.Length, i => counts[i] = PreparedArticle.CombinedTermCounts(items[i], options));
            for (var i = 0; i < items.Length; i++)
            {
                yield return (indexes[i], counts[i]);
            }
        }
    }

    /// <summary>The top terms by (1 + ln tf) · ln(N / df), unit length.</summary>
    private static IEnumerable<(string Term, double Weight)> Vector(Dictionary<string, double> counts, Dictionary<string, int> documentFrequency, int documents)
    {
        var weighted = counts
            .Select(c => (Term: c.Key, Weight: (1 + Math.Log(Math.Max(1, c.Value))) * Math.Log((double)documents / documentFrequency.GetValueOrDefault(c.Key, 1))))
            .Where(t => t.Weight > 0)
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(TopTerms)
            .ToList();
        var norm = Math.Sqrt(weighted.Sum(t => t.Weight * t.Weight));
        return norm > 0 ? weighted.Select(t => (t.Term, t.Weight / norm)) : [];
    }

    /// <summary>
    /// Term counts of dated articles kept between the passes: per article its terms' numbers and counts, the
    /// terms themselves once (a dictionary of strings per article would be several times the size).
    /// </summary>
    private sealed class KeptTerms
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _terms = [];
        private readonly Dictionary<int, (int[] Terms, double[] Counts)> _articles = [];
        private readonly List<int> _order = [];

        public int Articles => _articles.Count;

        public bool Has(int index) => _articles.ContainsKey(index);

        public void Keep(int index, Dictionary<string, double> counts)
        {
            var terms = new int[counts.Count];
            var values = new double[counts.Count];
            var k = 0;
            foreach (var (term, count) in counts)
            {
                if (!_numbers.TryGetValue(term, out var number))
                {
                    _numbers[term] = number = _terms.Count;
                    _terms.Add(term);
                }

                terms[k] = number;
                values[k++] = count;
            }

            _articles[index] = (terms, values);
            _order.Add(index);
        }

        /// <summary>The kept articles in the order kept (input order), their counts as they were.</summary>
        public IEnumerable<(int Index, Dictionary<string, double> Counts)> All()
        {
            foreach (var index in _order)
            {
                var (terms, values) = _articles[index];
                var counts = new Dictionary<string, double>(terms.Length, StringComparer.Ordinal);
                for (var k = 0; k < terms.Length; k++)
                {
                    counts[_terms[terms[k]]] = values[k];
                }

                yield return (index, counts);
            }
        }
    }
}

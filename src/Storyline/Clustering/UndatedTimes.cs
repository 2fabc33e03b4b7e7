using System.Runtime.InteropServices;

namespace Storyline.Clustering;

/// <summary>
/// Estimates when undated articles were published from what they say: an undated article is given the time
/// of the dated article of the same batch (or, given <see cref="EarlierArticles"/>, of an earlier ingest) whose
/// distinctive terms it shares most (cosine of the top
/// <see cref="TopTerms"/> TF-IDF terms, IDF over the batch), when that match is close enough — or at all,
/// when the input's order says nothing of time (see <see cref="OrderFollowsTime"/>: then the fallback, the times
/// of the article's neighbours in input order, would be arbitrary) or the article is not between dated inputs
/// (undated articles gathered before or after all dated ones, as in a file sorted by date). Unlike a time taken from neighbours in input
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
    /// <summary>
    /// Terms a vector keeps: enough to describe an article, few enough to compare many. On allsides-train, the best
    /// match's date lies within 3 days of the undated article's story for more of them the more terms are kept (a
    /// prototype: 40 terms 360 of 454, 80 373, 200 390, all 394); from 200 on, grouping gains nothing more.
    /// </summary>
    public const int TopTerms = 200;

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

    /// <summary>Articles read, counted or compared as one parallel step.</summary>
    private const int ChunkSize = 256;

    /// <summary>
    /// For each input (in input order), the estimated time of an undated article, or null (dated, or no close match).
    /// </summary>
    /// <param name="input">The batch's articles in input order, with their own publication times.</param>
    /// <param name="read">Reads the article at an input index (once; a second time for the dated articles beyond <see cref="KeptCounts"/>).</param>
    /// <param name="options">Tokenising options, as grouping uses them.</param>
    /// <param name="earlier">
    /// Articles stored by earlier ingests: those that share distinctive terms with an undated article are matched as the
    /// batch's dated articles are (and counted in the IDF), so that an undated report of a story begun in an earlier
    /// batch can be dated by it. Null: the batch alone.
    /// </param>
    public static DateTimeOffset?[] Estimate(IReadOnlyList<(long Id, DateTimeOffset? Published)> input, Func<int, ClusterItem> read, ClusteringOptions options, EarlierArticles? earlier = null) =>
        Estimate(input, read, options, KeptCounts, earlier);

    /// <summary><see cref="Estimate(IReadOnlyList{ValueTuple{long, DateTimeOffset?}}, Func{int, ClusterItem}, ClusteringOptions, EarlierArticles?)"/> keeping at most <paramref name="keep"/> dated articles' counts between the passes.</summary>
    internal static DateTimeOffset?[] Estimate(IReadOnlyList<(long Id, DateTimeOffset? Published)> input, Func<int, ClusterItem> read, ClusteringOptions options, int keep, EarlierArticles? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(options);
        var estimates = new DateTimeOffset?[input.Count];
        if (!input.Any(i => i.Published is null) || (earlier is null && !input.Any(i => i.Published is not null)))
        {
            return estimates;
        }

        // Pass 1: document frequencies over the batch; the undated articles' counts kept, and the first dated ones'.
        var vocabulary = new BatchVocabulary();
        var undated = new List<(int Index, int[] Terms, double[] Counts)>();
        var kept = new KeptTerms();
        foreach (var (index, counts) in Counted(input.Count, read, options, _ => true))
        {
            var (terms, values) = vocabulary.Number(counts, document: true);
            if (input[index].Published is null)
            {
                undated.Add((index, terms, values));
            }
            else if (kept.Articles < keep)
            {
                kept.Keep(index, terms, values);
            }
        }

        // Earlier articles that share distinctive terms with an undated one join the dated ones (after the batch's,
        // numbered on from the inputs). The IDF is then over the stored articles and the batch, as it would be over
        // one batch of both.
        var earlierTimes = earlier is null ? [] : KeepEarlier(earlier, undated, vocabulary, kept, input.Count, keep, options);
        var idf = new InverseFrequency(vocabulary, input.Count, earlier?.Statistics);
        DateTimeOffset? TimeOf(int index) => index < input.Count ? input[index].Published : earlierTimes[index - input.Count];

        // The undated articles' vectors, indexed by term.
        var postings = new List<(int Undated, double Weight)>?[vocabulary.Count];
        for (var u = 0; u < undated.Count; u++)
        {
            foreach (var (term, weight) in Vector(undated[u].Terms, undated[u].Counts, vocabulary, idf))
            {
                (postings[term] ??= []).Add((u, weight));
            }
        }

        // Pass 2: each dated article against the undated ones it shares terms with (in parallel, a chunk at a time:
        // the statistics are fixed now), the best match taken in input order, so the earliest input wins ties.
        var best = new double[undated.Count];
        var bestTime = new DateTimeOffset?[undated.Count];
        var dated = kept.All().Concat(
            Counted(input.Count, read, options, i => input[i].Published is not null && !kept.Has(i))
                .Select(c => vocabulary.Number(c.Counts, document: false) is var (terms, values) ? (c.Index, Terms: terms, Counts: values) : default));
        foreach (var chunk in dated.Chunk(ChunkSize))
        {
            var dots = new Dictionary<int, double>[chunk.Length];
            Parallel.For(0, chunk.Length, i => dots[i] = Dots(chunk[i].Terms, chunk[i].Counts, vocabulary, idf, postings));
            for (var i = 0; i < chunk.Length; i++)
            {
                foreach (var (u, dot) in dots[i])
                {
                    if (dot > best[u])
                    {
                        best[u] = dot;
                        bestTime[u] = TimeOf(chunk[i].Index);
                    }
                }
            }
        }

        // In input that follows time, the neighbours tell an undated article's time only when it lies between dated
        // inputs: undated articles gathered at one end (a file sorted by date, undated first or last) have a dated
        // neighbour on one side only, the newest or the oldest of the whole batch, and take any match instead.
        var ordered = OrderFollowsTime(input);
        var (firstDated, lastDated) = (input.Count, -1);
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Published is not null)
            {
                firstDated = Math.Min(firstDated, i);
                lastDated = i;
            }
        }

        for (var u = 0; u < undated.Count; u++)
        {
            var between = undated[u].Index > firstDated && undated[u].Index < lastDated;
            if (best[u] >= (ordered && between ? MinCosine : double.Epsilon))
            {
                estimates[undated[u].Index] = bestTime[u];
            }
        }

        return estimates;
    }

    /// <summary>
    /// Finds the earlier articles that share distinctive terms with the undated ones (at most <paramref name="keep"/>,
    /// in the order found) and keeps their term counts as those of dated inputs numbered from <paramref name="inputs"/>
    /// on (their terms numbered in the vocabulary, not counted: the stored statistics count them); returns their times
    /// in that order.
    /// </summary>
    private static List<DateTimeOffset?> KeepEarlier(EarlierArticles earlier, List<(int Index, int[] Terms, double[] Counts)> undated, BatchVocabulary vocabulary, KeptTerms kept, int inputs, int keep, ClusteringOptions options)
    {
        var found = new List<long>();
        var seen = new HashSet<long>();
        foreach (var (_, terms, counts) in undated)
        {
            foreach (var id in earlier.Find(earlier.QueryTerms(terms.Select(vocabulary.Term), counts)))
            {
                if (found.Count < keep && seen.Add(id))
                {
                    found.Add(id);
                }
            }
        }

        var times = new DateTimeOffset?[found.Count];
        ClusterItem Read(int i)
        {
            var item = earlier.Read(found[i]);
            times[i] = item.Time;
            return item;
        }

        foreach (var (index, counts) in Counted(found.Count, Read, options, _ => true))
        {
            // Counted in the stored statistics already.
            var (terms, values) = vocabulary.Number(counts, document: false);
            kept.Keep(inputs + index, terms, values);
        }

        return [.. times];
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

    /// <summary>A dated article's dot products with the undated articles it shares a term with, in the order met.</summary>
    private static Dictionary<int, double> Dots(int[] terms, double[] counts, BatchVocabulary vocabulary, InverseFrequency idf, List<(int Undated, double Weight)>?[] postings)
    {
        var dots = new Dictionary<int, double>();
        foreach (var (term, weight) in Vector(terms, counts, vocabulary, idf))
        {
            if (term < postings.Length && postings[term] is { } list)
            {
                foreach (var (u, w) in list)
                {
                    dots[u] = dots.GetValueOrDefault(u) + (weight * w);
                }
            }
        }

        return dots;
    }

    /// <summary>
    /// The selected articles' combined term counts, in input order, tokenised a chunk at a time on every core while
    /// this thread reads the next chunk (reads stay on the calling thread: they may share its database connection).
    /// </summary>
    private static IEnumerable<(int Index, Dictionary<string, double> Counts)> Counted(int count, Func<int, ClusterItem> read, ClusteringOptions options, Func<int, bool> selected)
    {
        var chunks = ChunkLookahead.Run(
            (count + ChunkSize - 1) / ChunkSize,
            c => Enumerable.Range(c * ChunkSize, Math.Min(ChunkSize, count - (c * ChunkSize))).Where(selected).Select(i => (Index: i, Item: read(i))).ToArray(),
            x => PreparedArticle.CombinedTermCounts(x.Item, options));
        foreach (var (items, counts) in chunks)
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return (items[i].Index, counts[i]);
            }
        }
    }

    /// <summary>The top terms by (1 + ln tf) · ln(N / df), unit length; ties in weight go to the term first in ordinal order.</summary>
    private static (int Term, double Weight)[] Vector(int[] terms, double[] counts, BatchVocabulary vocabulary, InverseFrequency idf)
    {
        var weighted = new List<(int Term, double Weight)>(terms.Length);
        for (var k = 0; k < terms.Length; k++)
        {
            var weight = (1 + Math.Log(Math.Max(1, counts[k]))) * idf.Of(terms[k]);
            if (weight > 0)
            {
                weighted.Add((terms[k], weight));
            }
        }

        // A total order (terms are distinct), so any sort gives what a stable sort by weight, then term, gives.
        weighted.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(vocabulary.Term(a.Term), vocabulary.Term(b.Term)));
        var top = CollectionsMarshal.AsSpan(weighted)[..Math.Min(TopTerms, weighted.Count)];
        var norm = 0.0;
        foreach (var (_, weight) in top)
        {
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        if (norm <= 0)
        {
            return [];
        }

        var vector = new (int Term, double Weight)[top.Length];
        for (var k = 0; k < top.Length; k++)
        {
            vector[k] = (top[k].Term, top[k].Weight / norm);
        }

        return vector;
    }

    /// <summary>ln(N / df) of a term: over the batch, or over the stored articles and the batch.</summary>
    private sealed class InverseFrequency(BatchVocabulary vocabulary, int batch, TermStatistics? stored)
    {
        private readonly double _documents = batch + (stored?.DocumentCount ?? 0);

        public double Of(int term) => stored is null
            ? Math.Log((double)batch / vocabulary.DocumentFrequency(term))
            : Math.Log(_documents / Math.Max(1, vocabulary.CountedFrequency(term) + stored.DocumentFrequency(vocabulary.Term(term))));
    }

    /// <summary>Term counts of dated articles kept between the passes, as the vocabulary's term numbers.</summary>
    private sealed class KeptTerms
    {
        private readonly Dictionary<int, (int[] Terms, double[] Counts)> _articles = [];
        private readonly List<int> _order = [];

        public int Articles => _articles.Count;

        public bool Has(int index) => _articles.ContainsKey(index);

        public void Keep(int index, int[] terms, double[] counts)
        {
            _articles[index] = (terms, counts);
            _order.Add(index);
        }

        /// <summary>The kept articles in the order kept (input order).</summary>
        public IEnumerable<(int Index, int[] Terms, double[] Counts)> All() => _order.Select(index => (index, _articles[index].Terms, _articles[index].Counts));
    }
}

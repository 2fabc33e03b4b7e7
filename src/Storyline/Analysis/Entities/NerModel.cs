using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.Intrinsics;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Entities;

/// <summary>
/// A first-order linear model over decoding states, BILOU or IOB2 (trained as perceptrons and CRFs, see
/// <see cref="NerTrainer"/>): per-token feature weights plus state transition weights (per class of the
/// token entered), decoded by Viterbi under the scheme's constraints (I-X only after B-X or I-X; in BILOU,
/// L-X likewise, and B-X, I-X only before I-X or L-X); the output is IOB2 either way.
/// Immutable after loading; decoding is thread-safe given a scratch per thread.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "SLNER5";

    public NerModel(string[] states, Dictionary<ulong, int> index, float[] weights, float[] transitions, Gazetteer gazetteer, WordClusters clusters)
    {
        Clusters = clusters;
        States = states;
        Index = index;
        _outside = Array.IndexOf(states, "O");
        Table = new FeatureTable(index, weights, states.Length, _outside);
        Weights = weights;
        Transitions = transitions;
        Gazetteer = gazetteer;
        StateTypes = new int[states.Length];
        _stateKinds = new char[states.Length];
        for (var s = 0; s < states.Length; s++)
        {
            StateTypes[s] = states[s] == "O" ? -1 : (int)(Labels.Parse(states[s].AsSpan(2)) ?? EntityType.Misc);
            _stateKinds[s] = states[s][0];
        }

        // Decoding states with L- (last) tags are BILOU; their IOB2 output: U- → B-, L- → I-.
        _closing = Array.IndexOf(_stateKinds, 'L') >= 0;
        var tags = new List<string>();
        _output = new int[states.Length];
        for (var s = 0; s < states.Length; s++)
        {
            var tag = _stateKinds[s] switch
            {
                'U' => "B" + states[s][1..],
                'L' => "I" + states[s][1..],
                _ => states[s],
            };
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }

            _output[s] = tags.IndexOf(tag);
        }

        Tags = [.. tags];
        TagTypes = new int[Tags.Length];
        TagBegins = new bool[Tags.Length];
        for (var t = 0; t < Tags.Length; t++)
        {
            TagTypes[t] = Tags[t] == "O" ? -1 : (int)(Labels.Parse(Tags[t].AsSpan(2)) ?? EntityType.Misc);
            TagBegins[t] = Tags[t].StartsWith("B-", StringComparison.Ordinal);
        }

        Constraint = new float[(states.Length + 2) * states.Length];
        for (var previous = -1; previous < states.Length; previous++)
        {
            for (var state = 0; state < states.Length; state++)
            {
                Constraint[((previous + 1) * states.Length) + state] = Allowed(previous, state) ? 0f : float.NegativeInfinity;
            }
        }

        for (var state = 0; state < states.Length; state++)
        {
            Constraint[((states.Length + 1) * states.Length) + state] = AllowedLast(state) ? 0f : float.NegativeInfinity;
        }

        var predecessors = new List<int>();
        _predecessorStarts = new int[states.Length + 1];
        for (var state = 0; state < states.Length; state++)
        {
            _predecessorStarts[state] = predecessors.Count;
            predecessors.AddRange(Enumerable.Range(0, states.Length).Where(previous => Allowed(previous, state)));
        }

        _predecessorStarts[states.Length] = predecessors.Count;
        _predecessors = [.. predecessors];
        _vector = states.Length <= VectorViterbi.MaxStates
            ? new VectorViterbi(states.Length, transitions, Constraint, [.. Enumerable.Range(0, states.Length).Select(k => _predecessors[_predecessorStarts[k]])], _outside)
            : null;

        // The neighbour features of a token near either end of the sentence, where the neighbour is the boundary.
        _boundarySums = new int[Featurizer.Reach * 2 * FeatureTable.Lanes];
        Span<ulong> features = stackalloc ulong[8];
        foreach (var offset in NeighbourOffsets)
        {
            var boundary = Featurizer.BoundaryHashes(end: offset > 0);
            var count = Featurizer.NeighbourFeatures(boundary, offset, gazetteer is not null, features);
            Table.Sum(features[..count], BoundarySums(offset));
        }
    }

    /// <summary>−Reach…−1, 1…Reach.</summary>
    private static readonly int[] NeighbourOffsets = [.. Enumerable.Range(-Featurizer.Reach, (2 * Featurizer.Reach) + 1).Where(d => d != 0)];

    /// <summary>Per neighbour offset, the integer weight sums of its features when the neighbour is past the sentence.</summary>
    private readonly int[] _boundarySums;

    private Span<int> BoundarySums(int offset) =>
        _boundarySums.AsSpan((offset + Featurizer.Reach - (offset > 0 ? 1 : 0)) * FeatureTable.Lanes, FeatureTable.Lanes);

    /// <summary>The states allowed before each state: <see cref="_predecessors"/>[starts[k]..starts[k + 1]].</summary>
    private readonly int[] _predecessorStarts;

    private readonly int[] _predecessors;

    /// <summary>The decoder for this model's own transitions (null: more states than its lanes).</summary>
    private readonly VectorViterbi? _vector;

    private readonly char[] _stateKinds;

    private readonly bool _closing;

    /// <summary>Per decoding state, its output tag (index into <see cref="Tags"/>).</summary>
    private readonly int[] _output;

    private readonly int _outside;

    /// <summary>The output tags (IOB2): "O", "B-PER", "I-PER", …; <see cref="Predict"/> writes indices into them.</summary>
    public string[] Tags { get; }

    /// <summary>Per output tag: the entity type index, or -1 for O.</summary>
    public int[] TagTypes { get; }

    /// <summary>Per output tag: whether it is a B- tag.</summary>
    public bool[] TagBegins { get; }

    /// <summary>
    /// The decoding states the weights are for: the IOB2 tags, or BILOU ("B-PER", "I-PER", "L-PER", "U-PER",
    /// "O"): with a state for a name's last word and for a one-word name, the model learns how names end.
    /// </summary>
    public string[] States { get; }

    /// <summary>Per state: the entity type index, or -1 for O.</summary>
    public int[] StateTypes { get; }

    public Dictionary<ulong, int> Index { get; }

    /// <summary><see cref="Index"/> as a fast lookup table.</summary>
    public FeatureTable Table { get; }

    public float[] Weights { get; }

    /// <summary>Per <see cref="TransitionClasses"/> class of the token (blocks of (tags + 1) × tags): (previous tag + 1) × tags + tag; previous −1 is the sentence start.</summary>
    public float[] Transitions { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>Word clusters learned from unlabelled text (<see cref="WordClusters.None"/> for none).</summary>
    public WordClusters Clusters { get; }

    /// <summary>
    /// Laid out as <see cref="Transitions"/>: 0 where the scheme allows the pair, −∞ where it does not, so decoding
    /// adds instead of testing; then a row for the sentence end (whether a state may be last).
    /// </summary>
    private float[] Constraint { get; }

    /// <summary>How many token classes transitions depend on (1: none; 4: see <see cref="TokenClass"/>).</summary>
    public int TransitionClasses => Transitions.Length / ((States.Length + 1) * States.Length);

    /// <summary>The class of a token that the transition into its tag depends on: capitalised, lower-case, digit, other.</summary>
    public static byte TokenClass(ReadOnlySpan<char> word, int classes = 4)
    {
        var c = word.Length == 0 ? (byte)3 : char.IsUpper(word[0]) ? (byte)0 : char.IsLower(word[0]) ? (byte)1 : char.IsDigit(word[0]) ? (byte)2 : (byte)3;
        if (classes > 4)
        {
            if (c == 1 && word is "of" or "the" or "and" or "de" or "for" or "la" or "du" or "von" or "van" or "der" or "del" or "da" or "on" or "in" or "at")
            {
                return 4;
            }

            if (c == 0 && word.Length > 1 && !word.ContainsAnyInRange('a', 'z'))
            {
                return 5;
            }
        }

        return c;
    }

    /// <summary>The number of decoding states (<see cref="States"/>).</summary>
    public int TagCount => States.Length;

    /// <summary>The IOB2 output tag of decoding state <paramref name="state"/>.</summary>
    public int OutputTag(int state) => _output[state];

    /// <summary>
    /// Whether <paramref name="state"/> may follow <paramref name="previous"/> (−1: sentence start): I- (and L-)
    /// only after B- or I- of the same type; in BILOU, B- and I- must be followed by I- or L-.
    /// </summary>
    public bool Allowed(int previous, int state)
    {
        var kind = _stateKinds[state];
        if (kind is 'I' or 'L')
        {
            return previous >= 0 && StateTypes[previous] == StateTypes[state] && _stateKinds[previous] is 'B' or 'I';
        }

        return previous < 0 || !Opens(previous);
    }

    /// <summary>Whether a sentence may end in <paramref name="state"/> (in BILOU, not inside a name).</summary>
    public bool AllowedLast(int state) => !Opens(state);

    private bool Opens(int state) => _closing && _stateKinds[state] is 'B' or 'I';

    /// <summary>Converts IOB2 tag names to this model's decoding states (BILOU when it has L- states).</summary>
    public int[] ToStates(IReadOnlyList<string> tags)
    {
        var states = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (!_closing || tag == "O")
            {
                states[i] = Array.IndexOf(States, tag);
                continue;
            }

            var type = tag[2..];
            var begins = tag[0] == 'B' || i == 0 || tags[i - 1] == "O" || tags[i - 1][2..] != type;
            var ends = i + 1 == tags.Count || tags[i + 1][0] != 'I' || tags[i + 1][2..] != type;
            states[i] = Array.IndexOf(States, (begins ? (ends ? "U-" : "B-") : (ends ? "L-" : "I-")) + type);
        }

        return states;
    }

    /// <summary>Scratch buffers for decoding; one per thread.</summary>
    /// <param name="wordCacheCapacity">
    /// Entries of the per-word cache (about 0.5 KB each). 16,384 (8 MB a thread): on allsides-train the hit rate is
    /// 93.7% against 89.7% with 8,192, and emissions take 0.592 instead of 0.635 ms an article; 32,768 (96.6%) is no faster.
    /// </param>
    public sealed class Scratch(int wordCacheCapacity = 16384)
    {
        public Featurizer.SentenceHashes Hashes { get; } = new(64);

        private ulong[] _features = new ulong[Featurizer.PerToken * 64];

        /// <summary>Per token of the sentence, how many features it has.</summary>
        public int[] Counts { get; private set; } = new int[64];

        private bool[] _scored = new bool[64];

        private byte[] _classes = new byte[64];

        /// <summary>Per token of the sentence, its <see cref="TokenClass"/>.</summary>
        public Span<byte> Classes(int tokens)
        {
            if (_classes.Length < tokens)
            {
                _classes = new byte[tokens * 2];
            }

            return _classes.AsSpan(0, tokens);
        }

        /// <summary>Per token of the sentence, whether it is scored (see <see cref="Predict"/>).</summary>
        public Span<bool> Scored(int tokens)
        {
            if (_scored.Length < tokens)
            {
                _scored = new bool[tokens * 2];
            }

            return _scored.AsSpan(0, tokens);
        }

        /// <summary>Room for <see cref="Featurizer.PerToken"/> features of each of <paramref name="tokens"/> tokens.</summary>
        public ulong[] Features(int tokens)
        {
            if (Counts.Length < tokens)
            {
                Counts = new int[tokens * 2];
                _features = new ulong[Featurizer.PerToken * tokens * 2];
            }

            return _features;
        }

        private (int Start, int Length)[] _articleSpans = new (int, int)[1024];

        private int[] _articleTags = new int[1024];

        /// <summary>Room for an article's token spans (every sentence's), reused from one article to the next.</summary>
        public Span<(int Start, int Length)> ArticleSpans(int tokens)
        {
            if (_articleSpans.Length < tokens)
            {
                _articleSpans = new (int, int)[tokens * 2];
            }

            return _articleSpans.AsSpan(0, tokens);
        }

        /// <summary>Room for an article's tags, as <see cref="ArticleSpans"/>.</summary>
        public Span<int> ArticleTags(int tokens)
        {
            if (_articleTags.Length < tokens)
            {
                _articleTags = new int[tokens * 2];
            }

            return _articleTags.AsSpan(0, tokens);
        }

        /// <summary>Per-word features and weight sums of recent words, for this thread.</summary>
        public WordCache Words { get; } = new(wordCacheCapacity);

        private int[] _sums = new int[64 * FeatureTable.Lanes];

        /// <summary>Per token of the sentence, its integer weight sums (<see cref="FeatureTable.Lanes"/> each).</summary>
        public Span<int> Sums(int tokens)
        {
            if (_sums.Length < tokens * FeatureTable.Lanes)
            {
                _sums = new int[tokens * 2 * FeatureTable.Lanes];
            }

            return _sums.AsSpan(0, tokens * FeatureTable.Lanes);
        }

        public float[] Scores = new float[64 * 8];

        public int[] Back = new int[64 * 8];

        public void Ensure(int cells)
        {
            if (Scores.Length < cells)
            {
                Scores = new float[cells * 2];
                Back = new int[cells * 2];
            }
        }
    }

    /// <summary>How far a token's features reach (words within three tokens): beyond it, a token cannot see a capital.</summary>
    private const int ContextReach = 3;

    /// <summary>
    /// Tags the tokens (spans of <paramref name="text"/>) into <paramref name="tags"/>. With
    /// <paramref name="onlyNearCapitals"/>, a token with no capital letter within <see cref="ContextReach"/>
    /// tokens is tagged O without being scored: in news text that is half the tokens, and the tagger (trained
    /// on names) practically never tags such a token otherwise — measured on allsides-train (docs/ANALYSIS.md).
    /// The capitals of <paramref name="quietCapitals"/> ("The", "In", "Monday") do not make their neighbours
    /// scored: what reads the tags never makes a name of them (see <see cref="NewsRules"/>).
    /// </summary>
    public void Predict(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Span<int> tags, Scratch scratch, bool onlyNearCapitals = false, WordSet? quietCapitals = null)
    {
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        var t = TagCount;
        scratch.Ensure(n * t);
        var emissions = scratch.Scores.AsSpan(0, n * t);
        var scored = scratch.Scored(n);
        MarkScored(text, tokens, scored, onlyNearCapitals, quietCapitals);
        var classes = scratch.Classes(n);
        Emissions(text, tokens, scored, emissions, classes, scratch);
        Decode(emissions, n, tags, scratch.Back, TransitionClasses > 1 ? classes : default, scored);
        if (_closing)
        {
            for (var i = 0; i < n; i++)
            {
                tags[i] = _output[tags[i]];
            }
        }
    }

    /// <summary>
    /// Fills the emission scores (tokens × states) of the scored tokens (the others may only be O) and each
    /// token's transition class. A token's features that read one word only (itself or a neighbour within
    /// <see cref="Featurizer.Reach"/>) come summed from the thread's <see cref="WordCache"/>, pushed from each word
    /// to the tokens it reaches; the features that combine words are looked up per token. All sums are of the
    /// table's integer weights, so the scores are exactly <see cref="UncachedEmissions"/>'.
    /// </summary>
    internal void Emissions(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, ReadOnlySpan<bool> scored, Span<float> emissions, Span<byte> classes, Scratch scratch)
    {
        var n = tokens.Length;
        var t = TagCount;
        var h = scratch.Hashes;
        h.Ensure(n);
        var cache = scratch.Words;
        cache.Claim(this);
        var sums = scratch.Sums(n);
        sums.Clear();
        var gazetteer = Gazetteer is not null;
        var classCount = TransitionClasses;
        Span<ulong> own = stackalloc ulong[Featurizer.PerToken];
        for (var j = 0; j < n; j++)
        {
            var word = text.Slice(tokens[j].Start, tokens[j].Length);
            var wordHash = FeatureHash.Of(word, false);
            if (!cache.Find(word, wordHash, out var entry))
            {
                ref var fresh = ref cache.Hashes(entry);
                fresh = Featurizer.Describe(word, wordHash, Gazetteer, Clusters);
                fresh.TokenClass = classCount > 1 ? TokenClass(word, classCount) : (byte)0;
            }

            ref readonly var w = ref cache.Hashes(entry);
            h.Word[j] = w.Word;
            h.Lower[j] = w.Lower;
            h.ShortShape[j] = w.ShortShape;
            h.Mid[j] = w.Mid;
            h.Fine[j] = w.Fine;
            h.WordClass[j] = w.WordClass;
            h.NameStart[j] = w.NameStart;
            h.PlaceStart[j] = w.PlaceStart;
            classes[j] = w.TokenClass;

            // The tokens this word's features reach: j − Reach … j + Reach, those that are scored.
            var first = Math.Max(0, j - Featurizer.Reach);
            var end = Math.Min(n, j + Featurizer.Reach + 1);
            if (!scored[first..end].Contains(true))
            {
                continue;
            }

            if (!cache.Ready(entry))
            {
                FillSums(word, w, cache, entry, own);
            }

            for (var i = first; i < end; i++)
            {
                if (scored[i])
                {
                    // The word is at offset j − i from token i.
                    Add(sums.Slice(i * FeatureTable.Lanes, FeatureTable.Lanes), cache.Sums(entry, j - i));
                }
            }
        }

        Featurizer.PrepareContext(text, tokens, h, Gazetteer);
        var features = scratch.Features(n);
        var counts = scratch.Counts;
        var next = NextScored(scored, 0);
        if (next < n)
        {
            counts[next] = ContextAndPrefetch(n, scratch, features, next);
        }

        for (var i = 0; i < n; i++)
        {
            var row = emissions.Slice(i * t, t);
            if (!scored[i])
            {
                // Only O: every other tag is ruled out, as if its score were −∞.
                row.Fill(float.NegativeInfinity);
                row[_outside] = 0;
                continue;
            }

            // Token i+1's features are computed and their table slots requested from memory before token i's
            // weights are summed, so the lookups rarely wait (the table is megabytes, the keys random).
            next = NextScored(scored, i + 1);
            if (next < n)
            {
                counts[next] = ContextAndPrefetch(n, scratch, features, next);
            }

            var sum = sums.Slice(i * FeatureTable.Lanes, FeatureTable.Lanes);
            for (var d = 1; d <= Featurizer.Reach; d++)
            {
                if (i - d < 0)
                {
                    Add(sum, BoundarySums(-d));
                }

                if (i + d >= n)
                {
                    Add(sum, BoundarySums(d));
                }
            }

            Table.SumKept(features.AsSpan(i * Featurizer.PerToken, counts[i]), sum);
            row.Clear();
            Table.Scale(sum, row);
        }
    }

    /// <summary>Computes a cached word's weight sums for every offset from a token.</summary>
    private void FillSums(ReadOnlySpan<char> word, in Featurizer.WordHashes w, WordCache cache, int entry, Span<ulong> buffer)
    {
        // All the word's features first, their table slots requested together (a miss costs ~30 probes of
        // a megabytes-large table: overlapped, not one after another), then summed per offset.
        Span<int> ends = stackalloc int[WordCache.Roles];
        var count = Featurizer.OwnFeatures(word, w, Gazetteer, Clusters, buffer);
        ends[Featurizer.Reach] = count;
        foreach (var offset in NeighbourOffsets)
        {
            count += Featurizer.NeighbourFeatures(w, offset, Gazetteer is not null, buffer[count..]);
            ends[offset + Featurizer.Reach] = count;
        }

        Table.Prefetch(buffer[..count]);
        var start = 0;
        foreach (var offset in RoleOrder)
        {
            var end = ends[offset + Featurizer.Reach];
            var into = cache.Sums(entry, offset);
            into.Clear();
            Table.Sum(buffer[start..end], into);
            start = end;
        }

        cache.MarkReady(entry);
    }

    /// <summary>The order <see cref="FillSums"/> writes the offsets' features in: the word's own, then its neighbours'.</summary>
    private static readonly int[] RoleOrder = [0, .. NeighbourOffsets];

    private static void Add(Span<int> into, ReadOnlySpan<int> from)
    {
        (Vector256.Create<int>(into) + Vector256.Create(from)).CopyTo(into);
        (Vector256.Create<int>(into[8..]) + Vector256.Create(from[8..])).CopyTo(into[8..]);
    }

    private int ContextAndPrefetch(int count, Scratch scratch, ulong[] features, int i)
    {
        var row = features.AsSpan(i * Featurizer.PerToken, Featurizer.PerToken);
        var n = Featurizer.ContextFeatures(count, scratch.Hashes, Gazetteer, i, row);
        return Table.PrefetchKept(row[..n]);
    }

    /// <summary>
    /// <see cref="Emissions"/> computed the plain way, every feature of every scored token hashed and looked
    /// up (<see cref="Featurizer.Extract"/>): the reference the cached path must equal, kept for tests and benchmarks.
    /// </summary>
    internal void UncachedEmissions(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, ReadOnlySpan<bool> scored, Span<float> emissions, Span<byte> classes, Scratch scratch)
    {
        var n = tokens.Length;
        var t = TagCount;
        Featurizer.Prepare(text, tokens, scratch.Hashes, Gazetteer, Clusters);
        emissions.Clear();
        var features = scratch.Features(n);
        var counts = scratch.Counts;
        var next = NextScored(scored, 0);
        if (next < n)
        {
            counts[next] = ExtractAndPrefetch(text, tokens, scratch, features, next);
        }

        for (var i = 0; i < n; i++)
        {
            if (!scored[i])
            {
                emissions.Slice(i * t, t).Fill(float.NegativeInfinity);
                emissions[(i * t) + _outside] = 0;
                continue;
            }

            next = NextScored(scored, i + 1);
            if (next < n)
            {
                counts[next] = ExtractAndPrefetch(text, tokens, scratch, features, next);
            }

            Table.AddTo(features.AsSpan(i * Featurizer.PerToken, counts[i]), emissions.Slice(i * t, t));
        }

        for (var i = 0; i < n; i++)
        {
            classes[i] = TransitionClasses > 1 ? TokenClass(text.Slice(tokens[i].Start, tokens[i].Length), TransitionClasses) : (byte)0;
        }
    }

    internal static void MarkScored(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Span<bool> scored, bool onlyNearCapitals, WordSet? quietCapitals)
    {
        if (!onlyNearCapitals)
        {
            scored.Fill(true);
            return;
        }

        scored.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = text.Slice(tokens[i].Start, tokens[i].Length);
            if ((word.ContainsAnyInRange('A', 'Z') || HasNonAsciiUpper(word)) && !(quietCapitals?.Contains(word) ?? false))
            {
                scored[Math.Max(0, i - ContextReach)..Math.Min(tokens.Length, i + ContextReach + 1)].Fill(true);
            }
        }
    }

    private static bool HasNonAsciiUpper(ReadOnlySpan<char> word)
    {
        if (!word.ContainsAnyExceptInRange('\0', '\x7F'))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c > 127 && char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextScored(ReadOnlySpan<bool> scored, int from)
    {
        var next = scored[from..].IndexOf(true);
        return next < 0 ? scored.Length : from + next;
    }

    private int ExtractAndPrefetch(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Scratch scratch, ulong[] features, int i)
    {
        var row = features.AsSpan(i * Featurizer.PerToken, Featurizer.PerToken);
        var count = Featurizer.Extract(text, tokens, scratch.Hashes, Gazetteer, i, row);
        Table.Prefetch(row[..count]);
        return count;
    }

    /// <summary>
    /// <see cref="Viterbi"/> with this model's transitions, states as vector lanes when they fit (the same path
    /// to the bit, and several times faster).
    /// </summary>
    internal void Decode(Span<float> scores, int n, Span<int> tags, int[] back, ReadOnlySpan<byte> classes, ReadOnlySpan<bool> scored)
    {
        if (_vector is not null)
        {
            _vector.Decode(scores, n, tags, back, classes, scored);
        }
        else
        {
            Viterbi(scores, n, tags, back, Transitions, classes, scored);
        }
    }

    /// <summary>
    /// Viterbi over emission scores (n × states); writes the best state sequence. <paramref name="classes"/>: per
    /// token its class, when transitions depend on it (<see cref="TokenClass"/>); empty otherwise.
    /// <paramref name="scored"/>: per token whether it was scored; an unscored token's only finite state is O
    /// (as <see cref="Emissions"/> leaves it), so only O's best predecessor is searched there — the same path as
    /// searching every state, for half the tokens of news text. Empty: every token is scored.
    /// </summary>
    public void Viterbi(Span<float> scores, int n, Span<int> tags, int[] back, ReadOnlySpan<float> transitions, ReadOnlySpan<byte> classes = default, ReadOnlySpan<bool> scored = default)
    {
        var t = TagCount;
        var block = (t + 1) * t;
        var constraint = Constraint.AsSpan();
        var from = _predecessors.AsSpan();
        var starts = _predecessorStarts.AsSpan();
        Span<float> previous = stackalloc float[t];
        Span<float> current = stackalloc float[t];
        for (var k = 0; k < t; k++)
        {
            previous[k] = scores[k] + transitions[(classes.IsEmpty ? 0 : classes[0] * block) + k] + constraint[k];
        }

        for (var i = 1; i < n; i++)
        {
            var into = transitions[(classes.IsEmpty ? 0 : classes[i] * block)..];
            var onlyOutside = !scored.IsEmpty && !scored[i];
            for (var k = 0; k < t; k++)
            {
                if (onlyOutside && k != _outside)
                {
                    // Its emission is −∞: so is every path into it, and its back pointer is never followed.
                    current[k] = float.NegativeInfinity;
                    back[(i * t) + k] = _outside;
                    continue;
                }

                // Only the states allowed before k (the constraint's −∞ cells are never visited).
                var best = float.NegativeInfinity;
                var arg = from[starts[k]];
                for (var q = starts[k]; q < starts[k + 1]; q++)
                {
                    var p = from[q];
                    var s = previous[p] + into[((p + 1) * t) + k];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                current[k] = best + scores[(i * t) + k];
                back[(i * t) + k] = arg;
            }

            current.CopyTo(previous);
        }

        VectorViterbi.Backtrack(previous, constraint[((t + 1) * t)..], n, tags, back);
    }

    /// <summary>Writes the model, gzip-compressed, weights quantised to 16 bits.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(States.Length);
        foreach (var tag in States)
        {
            writer.Write(tag);
        }

        writer.Write(Transitions.Length);
        foreach (var value in Transitions)
        {
            writer.Write(value);
        }

        WriteMap(writer, Gazetteer.Names);
        WriteMap(writer, Gazetteer.Words);
        WriteMap(writer, Gazetteer.Places);
        Clusters.Write(writer);

        var t = TagCount;
        WriteWeights(writer, Index, Weights, t);
    }

    private static void WriteWeights(BinaryWriter writer, Dictionary<ulong, int> index, float[] weights, int t)
    {
        var max = 1e-9f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max / short.MaxValue;
        writer.Write(scale);
        var keys = index.Keys.Order().ToArray();
        writer.Write(keys.Length);
        var last = 0UL;
        foreach (var key in keys)
        {
            writer.Write7BitEncodedInt64((long)(key - last));
            last = key;
        }

        // Weights tag-major (column by column) so that runs of zeros compress, each column's high bytes before
        // its low bytes: most weights are small, so the high bytes are nearly all 0x00 or 0xFF.
        var column = new short[keys.Length];
        for (var k = 0; k < t; k++)
        {
            for (var f = 0; f < keys.Length; f++)
            {
                column[f] = (short)Math.Round(weights[(index[keys[f]] * t) + k] / scale);
            }

            foreach (var value in column)
            {
                writer.Write((byte)(value >> 8));
            }

            foreach (var value in column)
            {
                writer.Write((byte)value);
            }
        }
    }

    private static (Dictionary<ulong, int> Index, float[] Weights) ReadWeights(BinaryReader reader, int t)
    {
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var index = new Dictionary<ulong, int>(count);
        var last = 0UL;
        for (var f = 0; f < count; f++)
        {
            last += (ulong)reader.Read7BitEncodedInt64();
            index[last] = f;
        }

        // A column of 16-bit weights at a time in one read, not one read call per weight (start-up).
        var weights = new float[count * t];
        var column = new byte[count * sizeof(short)];
        for (var k = 0; k < t; k++)
        {
            reader.BaseStream.ReadExactly(column);
            for (var f = 0; f < count; f++)
            {
                // High bytes of the column first, then the low bytes (the file compresses better so).
                weights[(f * t) + k] = (short)((column[f] << 8) | column[count + f]) * scale;
            }
        }

        return (index, weights);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        // The model is millions of one- and two-byte reads: through a buffer, not one inflate call each.
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Storyline entity model");
        }

        var tags = new string[reader.ReadInt32()];
        for (var k = 0; k < tags.Length; k++)
        {
            tags[k] = reader.ReadString();
        }

        var t = tags.Length;
        var transitions = new float[reader.ReadInt32()];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = reader.ReadSingle();
        }

        var names = ReadMap(reader);
        var words = ReadMap(reader);
        var places = ReadMap(reader);
        var clusters = WordClusters.Read(reader);
        var (index, weights) = ReadWeights(reader, t);
        return new NerModel(tags, index, weights, transitions, new Gazetteer(names, words, places), clusters);
    }

    private static void WriteMap(BinaryWriter writer, IReadOnlyDictionary<ulong, byte> map)
    {
        writer.Write(map.Count);
        var last = 0UL;
        foreach (var (key, value) in map.OrderBy(p => p.Key))
        {
            writer.Write7BitEncodedInt64((long)(key - last));
            writer.Write(value);
            last = key;
        }
    }

    private static Dictionary<ulong, byte> ReadMap(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var map = new Dictionary<ulong, byte>(count);
        var last = 0UL;
        for (var k = 0; k < count; k++)
        {
            last += (ulong)reader.Read7BitEncodedInt64();
            map[last] = reader.ReadByte();
        }

        return map;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Extraction.Language;

/// <summary>
/// The n-gram profiles of the languages that share one writing system: naive Bayes over character
/// n-grams, log-probabilities quantised to integers. Each kept n-gram lists the languages it is frequent
/// in and how much more likely it is there than unseen (the language's floor for that n-gram length);
/// n-grams no language keeps are skipped, so words in another script or language do not sway the vote.
/// </summary>
internal sealed class NgramProfiles
{
    /// <summary>One quantisation step of a log-probability, in nats.</summary>
    public const double Step = 0.05;

    /// <summary>Characters read between looks at whether one language already leads decisively.</summary>
    public const int ChunkChars = 128;

    /// <summary>
    /// Chunks read before a decisive lead may stop the reading: news text has such a lead (50 nats) after about
    /// 128 characters, but a line of another language at the top must not decide alone.
    /// </summary>
    public const int MinChunks = 3;

    private const ulong Golden = 0x9E3779B97F4A7C15;

    private readonly short[] _floors;
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly byte[] _languageOf;
    private readonly byte[] _weights;
    private readonly ulong[] _slotKeys;
    private readonly int[] _slotEntries;
    private readonly int _shift;

    /// <summary>Languages a dense row holds (one 256-bit vector of bytes).</summary>
    private const int DenseLanguages = 32;

    /// <summary>
    /// The longest chunk folded from the dense rows, whose sums are 32-bit: a character adds at most four n-grams,
    /// of weight 255 at most, so a fold of this many characters stays below 2³¹. A chunk ends at the first space
    /// after <see cref="ChunkChars"/>, so only a text of a million characters without one comes near it.
    /// </summary>
    private const int MaxDenseChunk = 1_000_000;

    /// <summary>
    /// Each kept n-gram's weights as a row of <see cref="DenseLanguages"/> bytes, 0 for a language that does not keep
    /// it; null when the script has more languages, or a kept weight of 0 would make "kept" and "weight" disagree.
    /// Folding a common n-gram (kept by most languages) is then a few vector operations instead of a scattered add per
    /// language: ~16 languages an n-gram, ~730 distinct n-grams an article.
    /// </summary>
    private readonly byte[]? _dense;

    /// <summary>Whether the n-grams are folded from dense rows (see <see cref="_dense"/>).</summary>
    internal bool HasDenseRows => _dense is not null;

    [ThreadStatic]
    private static HitCounts? t_hits;

    /// <summary>Builds the profiles from their stored form (see <see cref="LanguageModel"/>).</summary>
    /// <param name="script">The writing system these languages share.</param>
    /// <param name="languages">ISO 639-1 codes; an index into this array is a language below.</param>
    /// <param name="floors">Per language and n-gram length (language × 4 + length − 1), the quantised log-probability of an n-gram it does not keep.</param>
    /// <param name="keys">The kept n-grams, ascending.</param>
    /// <param name="starts">For key i, its entries are <c>starts[i]..starts[i + 1]</c>.</param>
    /// <param name="languageOf">The language of each entry.</param>
    /// <param name="weights">Each entry's quantised log-probability above the language's floor.</param>
    public NgramProfiles(WritingScript script, string[] languages, short[] floors, ulong[] keys, int[] starts, byte[] languageOf, byte[] weights)
    {
        if (floors.Length != languages.Length * CharacterNgrams.MaxOrder || starts.Length != keys.Length + 1
            || languageOf.Length != weights.Length || starts[^1] != weights.Length || languages.Length > byte.MaxValue)
        {
            throw new InvalidDataException($"inconsistent n-gram profiles for {script}");
        }

        (Script, Languages, _floors, _keys, _starts, _languageOf, _weights) = (script, languages, floors, keys, starts, languageOf, weights);

        // Open addressing at most half full: a lookup is a multiply, a shift and about one probe.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _shift = 64 - BitOperations.Log2((uint)size);
        _slotKeys = new ulong[size];
        _slotEntries = new int[size];
        for (var i = 0; i < keys.Length; i++)
        {
            var slot = Slot(keys[i]);
            while (_slotKeys[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            _slotKeys[slot] = keys[i];
            _slotEntries[slot] = i;
        }

        if (languages.Length <= DenseLanguages && !weights.AsSpan().Contains((byte)0))
        {
            _dense = new byte[keys.Length * DenseLanguages];
            for (var i = 0; i < keys.Length; i++)
            {
                for (var e = starts[i]; e < starts[i + 1]; e++)
                {
                    _dense[(i * DenseLanguages) + languageOf[e]] = weights[e];
                }
            }
        }
    }

    /// <summary>The writing system these languages share.</summary>
    public WritingScript Script { get; }

    /// <summary>The languages, ISO 639-1.</summary>
    public string[] Languages { get; }

    internal ReadOnlySpan<short> Floors => _floors;

    internal ReadOnlySpan<ulong> Keys => _keys;

    internal ReadOnlySpan<int> Starts => _starts;

    internal ReadOnlySpan<byte> LanguageOf => _languageOf;

    internal ReadOnlySpan<byte> Weights => _weights;

    /// <summary>
    /// Scores <paramref name="text"/> for every language: the log-likelihood, in quantisation steps, of
    /// its known n-grams (written into <paramref name="scores"/>), and how many of the n-grams read each
    /// language keeps (<paramref name="kept"/>). Reads a chunk of about <see cref="ChunkChars"/>
    /// characters at a time and, from the third chunk on, stops once the leader is
    /// <paramref name="decisiveMargin"/> steps ahead (0: read everything). Returns how many n-grams were
    /// read in this script (and all that are known), and how many of them some language keeps.
    /// </summary>
    public (int Read, int Known) Score(ReadOnlySpan<char> text, Span<long> scores, Span<int> kept, long decisiveMargin = 0) =>
        Score(text, scores, kept, decisiveMargin, dense: true);

    /// <summary><see cref="Score(ReadOnlySpan{char}, Span{long}, Span{int}, long)"/>, folding from the dense rows when there are any, or not (tests compare the two).</summary>
    internal (int Read, int Known) Score(ReadOnlySpan<char> text, Span<long> scores, Span<int> kept, long decisiveMargin, bool dense)
    {
        var hits = t_hits ??= new HitCounts();
        hits.Reserve(_keys.Length);
        var sink = new Tally(this, new long[Languages.Length], new int[Languages.Length], new int[CharacterNgrams.MaxOrder + 1], hits);
        var chunks = 0;
        while (!text.IsEmpty)
        {
            // Chunks end at a space, so no word is read as two.
            var cut = text.Length <= ChunkChars ? text.Length : text[ChunkChars..].IndexOfAny(' ', '\n') is var space and >= 0 ? ChunkChars + space : text.Length;
            CharacterNgrams.Read(text[..cut], ref sink);
            text = text[cut..];
            Fold(sink, dense && cut <= MaxDenseChunk);
            Total(sink, scores);
            // Three chunks at least, so a foreign-language first line (a byline, a menu) cannot settle it alone.
            if (decisiveMargin > 0 && !text.IsEmpty && ++chunks >= MinChunks && Margin(scores) >= decisiveMargin)
            {
                break;
            }
        }

        var known = 0;
        for (var n = 0; n < CharacterNgrams.MaxOrder; n++)
        {
            known += sink.Orders[n];
        }

        sink.Kept.CopyTo(kept);
        return (sink.Orders[CharacterNgrams.MaxOrder], known);
    }

    /// <summary>How far the best score leads the second best.</summary>
    public static long Margin(ReadOnlySpan<long> scores)
    {
        long best = long.MinValue, second = long.MinValue;
        foreach (var score in scores)
        {
            if (score > best)
            {
                (best, second) = (score, best);
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return second == long.MinValue ? long.MaxValue : best - second;
    }

    /// <summary>Adds each distinct n-gram read since the last fold to the language totals, times how often it was read.</summary>
    private void Fold(Tally sink, bool dense)
    {
        if (dense && _dense is not null && Vector256.IsHardwareAccelerated)
        {
            FoldDense(sink);
            return;
        }

        FoldSparse(sink);
    }

    /// <summary><see cref="Fold"/> from the entry lists, a language at a time (the reference <see cref="FoldDense"/> must equal).</summary>
    private void FoldSparse(Tally sink)
    {
        var hits = sink.Hits;
        var bonus = sink.Bonus;
        var kept = sink.Kept;
        for (var t = 0; t < hits.TouchedCount; t++)
        {
            var i = hits.Touched[t];
            var count = hits.Counts[i];
            hits.Counts[i] = 0;
            var end = _starts[i + 1];
            for (var e = _starts[i]; e < end; e++)
            {
                var language = _languageOf[e];
                bonus[language] += _weights[e] * (long)count;
                kept[language] += count;
            }
        }

        hits.TouchedCount = 0;
    }

    /// <summary>
    /// <see cref="Fold"/> from the dense rows: per n-gram, its 32 weights widened to integers, times its count, added to
    /// per-language integer sums; and its count added where a weight is non-zero (the languages that keep it). The
    /// fold's sums fit an integer (chunks of at most <see cref="MaxDenseChunk"/> characters) and are added to the
    /// totals once, so the totals are those of the sparse fold exactly.
    /// </summary>
    private void FoldDense(Tally sink)
    {
        var hits = sink.Hits;
        ref var dense = ref MemoryMarshal.GetArrayDataReference(_dense!);
        Span<Vector256<int>> bonus = stackalloc Vector256<int>[4];
        Span<Vector256<int>> kept = stackalloc Vector256<int>[4];
        bonus.Clear();
        kept.Clear();
        for (var t = 0; t < hits.TouchedCount; t++)
        {
            var i = hits.Touched[t];
            var count = Vector256.Create(hits.Counts[i]);
            hits.Counts[i] = 0;
            var row = Vector256.LoadUnsafe(ref dense, (nuint)(i * DenseLanguages));
            var (low, high) = Vector256.Widen(row);
            var (w0, w1) = Vector256.Widen(low.AsInt16());
            var (w2, w3) = Vector256.Widen(high.AsInt16());
            bonus[0] += w0 * count;
            bonus[1] += w1 * count;
            bonus[2] += w2 * count;
            bonus[3] += w3 * count;
            kept[0] += Vector256.GreaterThan(w0, Vector256<int>.Zero) & count;
            kept[1] += Vector256.GreaterThan(w1, Vector256<int>.Zero) & count;
            kept[2] += Vector256.GreaterThan(w2, Vector256<int>.Zero) & count;
            kept[3] += Vector256.GreaterThan(w3, Vector256<int>.Zero) & count;
        }

        hits.TouchedCount = 0;
        for (var l = 0; l < Languages.Length; l++)
        {
            sink.Bonus[l] += bonus[l / 8][l % 8];
            sink.Kept[l] += kept[l / 8][l % 8];
        }
    }

    private void Total(Tally sink, Span<long> scores)
    {
        for (var l = 0; l < Languages.Length; l++)
        {
            var score = sink.Bonus[l];
            for (var n = 0; n < CharacterNgrams.MaxOrder; n++)
            {
                score += (long)sink.Orders[n] * _floors[(l * CharacterNgrams.MaxOrder) + n];
            }

            scores[l] = score;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * Golden) >> _shift);

    /// <summary>
    /// Counts the known n-grams by length (all n-grams read in the last count) and each distinct one's
    /// occurrences, for <see cref="Fold"/> to weigh per language: a common n-gram is kept by most languages,
    /// and adding its weights once per distinct n-gram rather than once per occurrence was most of the
    /// identifier's time. The arrays are copied in, so the loop reads no object fields.
    /// </summary>
    private readonly struct Tally(NgramProfiles profiles, long[] bonus, int[] kept, int[] orders, HitCounts hits) : INgramSink
    {
        private readonly ulong[] _slotKeys = profiles._slotKeys;
        private readonly int[] _slotEntries = profiles._slotEntries;
        private readonly int[] _counts = hits.Counts;
        private readonly int _shift = profiles._shift;
        private readonly WritingScript _script = profiles.Script;

        public HitCounts Hits => hits;

        public long[] Bonus => bonus;

        public int[] Orders => orders;

        public int[] Kept => kept;

        public void Add(ulong key, int order)
        {
            var mask = _slotKeys.Length - 1;
            var slot = (int)((key * Golden) >> _shift);
            ulong found;
            while ((found = _slotKeys[slot]) != key)
            {
                if (found == 0)
                {
                    // Unknown n-grams count as read only in this script: a quoted English name in Russian text is no sign of another Cyrillic language.
                    var last = (char)(key & 0xFFFF);
                    if (WritingScripts.Of(last == ' ' ? (char)((key >> 16) & 0xFFFF) : last) == _script)
                    {
                        orders[CharacterNgrams.MaxOrder]++;
                    }

                    return;
                }

                slot = (slot + 1) & mask;
            }

            orders[CharacterNgrams.MaxOrder]++;
            orders[order - 1]++;
            var i = _slotEntries[slot];
            if (_counts[i]++ == 0)
            {
                hits.Touched[hits.TouchedCount++] = i;
            }
        }
    }

    /// <summary>A thread's occurrence counts per kept n-gram (all zero between calls) and which are non-zero.</summary>
    private sealed class HitCounts
    {
        public int[] Counts { get; private set; } = [];

        public int[] Touched { get; private set; } = [];

        public int TouchedCount { get; set; }

        public void Reserve(int keys)
        {
            if (Counts.Length < keys)
            {
                (Counts, Touched) = (new int[keys], new int[keys]);
            }

            // Left over only if a call before was cut short.
            for (var t = 0; t < TouchedCount; t++)
            {
                Counts[Touched[t]] = 0;
            }

            TouchedCount = 0;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Storyline.Analysis.Entities;

/// <summary>
/// A read-only open-addressing hash table from 64-bit feature hashes to their weights per tag, for the
/// tagger's ~60 lookups a token. Built for memory, which is what the tagger waits on: weights are 16-bit
/// (as the model file stores them, so nothing is lost) and a key and its weights share 32 bytes: the
/// table is a third of the size it was with 32-bit weights. Keys are already well mixed.
/// Up to <see cref="MaxStored"/> weights a key are stored; with a reference tag, each key's weights are
/// stored relative to that tag's and the reference itself is not stored (its sum is 0): Viterbi's choice
/// does not change when every tag of a token gets the same amount, so 13 BILOU tags fit the 32 bytes.
/// </summary>
internal sealed class FeatureTable
{
    /// <summary>Weights stored a key.</summary>
    public const int MaxStored = 12;

    private const int FilterLog = 21;

    private const int FilterBits = 1 << FilterLog;

    private readonly Entry[] _entries;

    /// <summary>
    /// One bit for each value of a key's top 21 bits, set for the keys in the table: 256 KB, which stays in the
    /// core's cache, where the table (megabytes) does not. A quarter of the tagger's lookups are of unknown keys,
    /// mostly unseen word pairs whose slots are cold; most of them end here instead of waiting for memory, and
    /// are not prefetched either.
    /// </summary>
    private readonly ulong[] _filter = new ulong[FilterBits / 64];

    private readonly int _mask;
    private readonly int _stored;
    private readonly int[] _columns;
    private readonly float _scale;
    private readonly Entry[] _zero = new Entry[2];
    private readonly bool _hasZero;

    /// <param name="rows">Each key's row in <paramref name="weights"/>.</param>
    /// <param name="weights">Row-major, <paramref name="tags"/> a row.</param>
    /// <param name="tags">Weights a row.</param>
    /// <param name="reference">The tag whose weight is subtracted from the others' and not stored (−1: none; the sums are then exact).</param>
    public FeatureTable(IReadOnlyDictionary<ulong, int> rows, float[] weights, int tags, int reference = -1)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(weights);
        _columns = [.. Enumerable.Range(0, tags).Where(k => k != reference)];
        _stored = _columns.Length;
        if (_stored > MaxStored)
        {
            throw new ArgumentOutOfRangeException(nameof(tags), tags, $"at most {MaxStored} weights a key");
        }

        float Weight(int row, int k) => weights[(row * tags) + k] - (reference >= 0 ? weights[(row * tags) + reference] : 0f);
        var max = 1e-9f;
        foreach (var row in rows.Values)
        {
            foreach (var k in _columns)
            {
                max = Math.Max(max, Math.Abs(Weight(row, k)));
            }
        }

        _scale = max / short.MaxValue;
        var capacity = 16;
        while (capacity < rows.Count * 3 / 2)
        {
            capacity *= 2;
        }

        // One spare entry at the end: AddTo reads 16 weights from an entry's 12, running into the next one.
        _entries = new Entry[capacity + 1];
        _mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            var values = default(TagWeights);
            for (var c = 0; c < _stored; c++)
            {
                values[c] = (short)Math.Round(Weight(row, _columns[c]) / _scale);
            }

            if (key == 0)
            {
                _zero[0].Weights = values;
                _hasZero = true;
                continue;
            }

            _filter[FilterBit(key) >> 6] |= 1UL << FilterBit(key);
            var slot = (int)(key & (ulong)_mask);
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry { Key = key, Weights = values };
        }
    }

    /// <summary>Integer sums a key's weights are added into (<see cref="Sum"/>); the first <see cref="MaxStored"/> are read out.</summary>
    public const int Lanes = 16;

    /// <summary>Adds the weights of every known key among <paramref name="keys"/> to <paramref name="scores"/> (one per tag).</summary>
    public void AddTo(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        Span<int> sums = stackalloc int[Lanes];
        sums.Clear();
        Sum(keys, sums);
        Scale(sums, scores);
    }

    /// <summary>
    /// Adds the 16-bit weights of every known key among <paramref name="keys"/> to <paramref name="sums"/>
    /// (<see cref="Lanes"/> integers) unscaled. Integer sums do not depend on the order of the keys, so partial
    /// sums (of features shared by many tokens) can be kept and added later with the same result to the bit.
    /// </summary>
    public void Sum(ReadOnlySpan<ulong> keys, Span<int> sums) => Accumulate(keys, sums, filtered: true);

    /// <summary>
    /// The weights of the keys added to the sums; with <paramref name="filtered"/> false the keys are those
    /// <see cref="PrefetchKept"/> kept, and the filter is not asked again. Inlined, so each caller's copy is specialised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accumulate(ReadOnlySpan<ulong> keys, Span<int> sums, bool filtered)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, Lanes, nameof(sums));

        // Eight sums to a 256-bit register. Sixteen weights are loaded at once; those past the stored ones
        // belong to the next entry, and their lanes are never read out.
        ref var start = ref MemoryMarshal.GetReference(sums);
        var low = Vector256.LoadUnsafe(ref start);
        var high = Vector256.LoadUnsafe(ref start, 8);
        foreach (var key in keys)
        {
            ref readonly var weights = ref filtered || key == 0 ? ref Find(key) : ref Probe(key);
            if (Unsafe.IsNullRef(in weights))
            {
                continue;
            }

            var sixteen = Vector256.LoadUnsafe(ref Unsafe.As<TagWeights, short>(ref Unsafe.AsRef(in weights)));
            var (lower, upper) = Vector256.Widen(sixteen);
            low += lower;
            high += upper;
        }

        low.StoreUnsafe(ref start);
        high.StoreUnsafe(ref start, 8);
    }

    /// <summary>Adds integer sums from <see cref="Sum"/>, scaled once, to <paramref name="scores"/> (one per tag).</summary>
    public void Scale(ReadOnlySpan<int> sums, Span<float> scores)
    {
        for (var c = 0; c < _stored; c++)
        {
            scores[_columns[c]] += sums[c] * _scale;
        }
    }

    /// <summary>
    /// Asks the CPU to start loading the home slot of every key. The table is
    /// megabytes and the keys are random, so each lookup would otherwise wait for memory in turn; issued
    /// together, the loads overlap.
    /// </summary>
    public unsafe void Prefetch(ReadOnlySpan<ulong> keys)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        ref var entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        foreach (var key in keys)
        {
            if (MayHave(key))
            {
                Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref entries, (nint)(key & (ulong)_mask))));
            }
        }
    }

    /// <summary>
    /// <see cref="Prefetch"/> for the keys the filter lets through, which are moved to the front of
    /// <paramref name="keys"/>; returns how many. The others have no weights, so summing only the kept ones
    /// (<see cref="SumKept"/>) gives the same sums without asking the filter twice.
    /// </summary>
    public unsafe int PrefetchKept(Span<ulong> keys)
    {
        ref var entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        var kept = 0;
        foreach (var key in keys)
        {
            if (key == 0 ? _hasZero : MayHave(key))
            {
                keys[kept++] = key;
                if (Sse.IsSupported)
                {
                    Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref entries, (nint)(key & (ulong)_mask))));
                }
            }
        }

        return kept;
    }

    /// <summary><see cref="Sum"/> for keys kept by <see cref="PrefetchKept"/> (the filter is not asked again).</summary>
    public void SumKept(ReadOnlySpan<ulong> keys, Span<int> sums) => Accumulate(keys, sums, filtered: false);

    /// <summary>The high bits: the low ones pick the table slot, so the two tests stay independent.</summary>
    private static int FilterBit(ulong key) => (int)(key >> (64 - FilterLog));

    /// <summary>False when the key is certainly not in the table (true for about 6% of the keys that are not).</summary>
    private bool MayHave(ulong key) => (_filter[FilterBit(key) >> 6] & (1UL << FilterBit(key))) != 0;

    /// <summary>The weights of <paramref name="key"/>, or a null reference when the feature was never seen in training.</summary>
    private ref readonly TagWeights Find(ulong key)
    {
        if (key == 0)
        {
            if (_hasZero)
            {
                return ref _zero[0].Weights;
            }

            return ref Unsafe.NullRef<TagWeights>();
        }

        if (!MayHave(key))
        {
            return ref Unsafe.NullRef<TagWeights>();
        }

        return ref Probe(key);
    }

    /// <summary>The weights of a non-zero <paramref name="key"/> from the table itself, or a null reference.</summary>
    private ref readonly TagWeights Probe(ulong key)
    {
        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ref readonly var entry = ref _entries[slot];
            if (entry.Key == key)
            {
                return ref entry.Weights;
            }

            if (entry.Key == 0)
            {
                return ref Unsafe.NullRef<TagWeights>();
            }

            slot = (slot + 1) & _mask;
        }
    }

    [InlineArray(MaxStored)]
    private struct TagWeights
    {
        private short _element;
    }

    private struct Entry
    {
        public ulong Key;
        public TagWeights Weights;
    }
}

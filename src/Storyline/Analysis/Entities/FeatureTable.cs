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
/// </summary>
internal sealed class FeatureTable
{
    public const int MaxTags = 12;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _tags;
    private readonly float _scale;
    private readonly TagWeights _zero;
    private readonly bool _hasZero;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows, float[] weights, int tags)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(weights);
        if (tags > MaxTags)
        {
            throw new ArgumentOutOfRangeException(nameof(tags), tags, $"at most {MaxTags} tags");
        }

        _tags = tags;
        var max = 1e-9f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        _scale = max / short.MaxValue;
        var capacity = 16;
        while (capacity < rows.Count * 3 / 2)
        {
            capacity *= 2;
        }

        _entries = new Entry[capacity];
        _mask = capacity - 1;
        foreach (var (key, row) in rows)
        {
            var values = default(TagWeights);
            for (var k = 0; k < tags; k++)
            {
                values[k] = (short)Math.Round(weights[(row * tags) + k] / _scale);
            }

            if (key == 0)
            {
                _zero = values;
                _hasZero = true;
                continue;
            }

            var slot = (int)(key & (ulong)_mask);
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry { Key = key, Weights = values };
        }
    }

    /// <summary>Adds the weights of every known key among <paramref name="keys"/> to <paramref name="scores"/> (one per tag).</summary>
    public void AddTo(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        // Integer sums of the 16-bit weights, eight tags to a 256-bit register, scaled once at the end.
        var head = Vector256<int>.Zero;
        Span<int> tail = stackalloc int[MaxTags - 8];
        tail.Clear();
        foreach (var key in keys)
        {
            ref readonly var weights = ref Find(key);
            if (Unsafe.IsNullRef(in weights))
            {
                continue;
            }

            ref var first = ref Unsafe.As<TagWeights, short>(ref Unsafe.AsRef(in weights));
            var eight = Vector128.LoadUnsafe(ref first);
            head += Vector256.Create(Vector128.WidenLower(eight), Vector128.WidenUpper(eight));
            for (var k = 8; k < _tags; k++)
            {
                tail[k - 8] += Unsafe.Add(ref first, k);
            }
        }

        var count = Math.Min(_tags, 8);
        for (var k = 0; k < count; k++)
        {
            scores[k] += head[k] * _scale;
        }

        for (var k = 8; k < _tags; k++)
        {
            scores[k] += tail[k - 8] * _scale;
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
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref entries, (nint)(key & (ulong)_mask))));
        }
    }

    /// <summary>The weights of <paramref name="key"/>, or a null reference when the feature was never seen in training.</summary>
    private ref readonly TagWeights Find(ulong key)
    {
        if (key == 0)
        {
            if (_hasZero)
            {
                return ref _zero;
            }

            return ref Unsafe.NullRef<TagWeights>();
        }

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

    [InlineArray(MaxTags)]
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

using System.Runtime.CompilerServices;

namespace Storyline.Analysis.Entities;

/// <summary>
/// A read-only open-addressing hash table from 64-bit feature hashes to their weights per tag, key and
/// weights side by side so that a lookup touches one cache line; faster than a dictionary plus a weight
/// array for the tagger's many lookups. Keys are already well mixed.
/// </summary>
internal sealed class FeatureTable
{
    public const int MaxTags = 10;

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _tags;
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
        var capacity = 16;
        while (capacity < rows.Count * 2)
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
                values[k] = weights[(row * tags) + k];
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

    /// <summary>Adds the weights of <paramref name="key"/> (if known) to <paramref name="scores"/>.</summary>
    public void AddTo(ulong key, Span<float> scores)
    {
        if (key == 0)
        {
            if (_hasZero)
            {
                Add(in _zero, scores);
            }

            return;
        }

        var slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ref readonly var entry = ref _entries[slot];
            if (entry.Key == key)
            {
                Add(in entry.Weights, scores);
                return;
            }

            if (entry.Key == 0)
            {
                return;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private void Add(in TagWeights weights, Span<float> scores)
    {
        for (var k = 0; k < _tags; k++)
        {
            scores[k] += weights[k];
        }
    }

    [InlineArray(MaxTags)]
    private struct TagWeights
    {
        private float _element;
    }

    private struct Entry
    {
        public ulong Key;
        public TagWeights Weights;
    }
}

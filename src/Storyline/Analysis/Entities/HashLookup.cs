namespace Storyline.Analysis.Entities;

/// <summary>
/// A read-only open-addressing map from well-mixed 64-bit hashes to small values (bytes, cluster paths), sized at four slots a key so
/// that a missing key — the usual case for a gazetteer asked about every word — ends at the first empty
/// slot. Several times faster than a dictionary for the tagger's per-token lookups. With a filter, a
/// 128 KB bit set (which stays in cache) turns most missing keys away before the table is touched: for
/// maps asked mostly about keys they don't have, like the gazetteer's names.
/// </summary>
internal sealed class HashLookup<TValue>
    where TValue : unmanaged
{
    private const int FilterBits = 1 << 20;

    private readonly ulong[] _keys;
    private readonly TValue[] _values;
    private readonly int _mask;
    private readonly TValue _zeroValue;
    private readonly ulong[]? _filter;

    public HashLookup(IReadOnlyDictionary<ulong, TValue> map, bool filtered = false)
    {
        ArgumentNullException.ThrowIfNull(map);
        var capacity = 16;
        while (capacity < map.Count * 4)
        {
            capacity *= 2;
        }

        _keys = new ulong[capacity];
        _values = new TValue[capacity];
        _mask = capacity - 1;
        _filter = filtered ? new ulong[FilterBits / 64] : null;
        foreach (var (key, value) in map)
        {
            if (key == 0)
            {
                // 0 marks an empty slot, so the one key that is 0 is kept aside.
                _zeroValue = value;
                continue;
            }

            if (_filter is not null)
            {
                _filter[FilterBit(key) >> 6] |= 1UL << FilterBit(key);
            }

            var slot = (int)(key & (ulong)_mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    /// <summary>The value of <paramref name="key"/>, or the default (0) when it is not in the map.</summary>
    public TValue this[ulong key]
    {
        get
        {
            if (key == 0)
            {
                return _zeroValue;
            }

            if (_filter is not null && (_filter[FilterBit(key) >> 6] & (1UL << FilterBit(key))) == 0)
            {
                return default;
            }

            var slot = (int)(key & (ulong)_mask);
            while (true)
            {
                var found = _keys[slot];
                if (found == key)
                {
                    return _values[slot];
                }

                if (found == 0)
                {
                    return default;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    /// <summary>The high bits: the low ones pick the table slot, so the two tests stay independent.</summary>
    private static int FilterBit(ulong key) => (int)(key >> 44);
}

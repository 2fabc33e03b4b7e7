namespace Storyline.Analysis.Entities;

/// <summary>
/// A bounded two-way set-associative cache from words to what the tagger derives from a word alone: its
/// <see cref="Featurizer.WordHashes"/> and, per offset from a token (−3…3, see <see cref="Featurizer.Reach"/>),
/// the summed integer weights of the features the word gives that token. News text is Zipfian, so most
/// tokens are words seen recently and cost one lookup instead of a dozen hashes and ~30 probes of the
/// megabytes-large weight table. Not thread-safe: one per thread (it lives in <see cref="NerModel.Scratch"/>).
/// </summary>
internal sealed class WordCache
{
    /// <summary>Offsets −Reach…Reach.</summary>
    public const int Roles = (2 * Featurizer.Reach) + 1;

    /// <summary>Longer words are not cached (their slot is the spare one), so an entry's key stays small.</summary>
    public const int MaxWordLength = 32;

    /// <summary>
    /// Each entry's word, in <see cref="MaxWordLength"/> characters of its own: compared in place rather than through a
    /// string elsewhere on the heap, and copied in on a miss rather than allocated (nor written into this long-lived
    /// array as a reference to a young object, which each collection would have to scan).
    /// </summary>
    private readonly char[] _words;

    /// <summary>Each entry's word length plus one; 0 for an empty entry.</summary>
    private readonly byte[] _lengths;

    /// <summary>Each entry's word hash, compared before its word: a compact array.</summary>
    private readonly ulong[] _keyHashes;
    private readonly Featurizer.WordHashes[] _hashes;
    private readonly bool[] _ready;
    private readonly int[] _sums;
    private readonly int _mask;

    /// <summary>Per set of two entries, which one was used last (the other is replaced on a miss).</summary>
    private readonly bool[] _recent;

    /// <param name="capacity">Entries (rounded up to a power of two); one spare entry is added for words not cached.</param>
    public WordCache(int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        var size = 2;
        while (size < capacity)
        {
            size *= 2;
        }

        _mask = size - 1;
        _words = new char[(size + 1) * MaxWordLength];
        _lengths = new byte[size + 1];
        _keyHashes = new ulong[size + 1];
        _hashes = new Featurizer.WordHashes[size + 1];
        _ready = new bool[size + 1];
        _recent = new bool[size / 2];
        _sums = new int[(size + 1) * Roles * FeatureTable.Lanes];
    }

    /// <summary>Entries, not counting the spare one.</summary>
    public int Capacity => _mask + 1;

    /// <summary>
    /// What the cached sums were computed with (a model): a cache filled for another model is cleared before use.
    /// </summary>
    public object? Owner { get; private set; }

    /// <summary>Lookups that found their word.</summary>
    public long Hits { get; private set; }

    /// <summary>Lookups that did not.</summary>
    public long Misses { get; private set; }

    /// <summary>Empties the cache if it was filled for another owner.</summary>
    public void Claim(object owner)
    {
        if (ReferenceEquals(owner, Owner))
        {
            return;
        }

        Array.Clear(_lengths);
        Array.Clear(_ready);
        Array.Clear(_recent);
        Owner = owner;
    }

    /// <summary>
    /// The entry of <paramref name="word"/> (whose <see cref="FeatureHash.Of"/> is <paramref name="hash"/>);
    /// false when it had to be taken for the word, which the caller then fills (<see cref="Hashes"/>). The
    /// entry is valid until the next call.
    /// </summary>
    public bool Find(ReadOnlySpan<char> word, ulong hash, out int entry)
    {
        if (word.Length > MaxWordLength)
        {
            entry = _mask + 1;
            _ready[entry] = false;
            Misses++;
            return false;
        }

        // Two entries a set, so that two frequent words with the same home do not keep evicting each other.
        var set = (int)(hash >> 32) & (_mask >> 1);
        entry = set * 2;
        if (_keyHashes[entry] == hash && Holds(entry, word))
        {
            _recent[set] = false;
            Hits++;
            return true;
        }

        if (_keyHashes[entry + 1] == hash && Holds(entry + 1, word))
        {
            _recent[set] = true;
            entry++;
            Hits++;
            return true;
        }

        // Replace the one used less recently.
        entry += _recent[set] ? 0 : 1;
        _recent[set] = entry % 2 == 1;
        word.CopyTo(_words.AsSpan(entry * MaxWordLength, MaxWordLength));
        _lengths[entry] = (byte)(word.Length + 1);
        _keyHashes[entry] = hash;
        _ready[entry] = false;
        Misses++;
        return false;
    }

    private bool Holds(int entry, ReadOnlySpan<char> word) =>
        _lengths[entry] == word.Length + 1 && word.SequenceEqual(_words.AsSpan(entry * MaxWordLength, word.Length));

    /// <summary>The word's hashes (to be filled after a miss).</summary>
    public ref Featurizer.WordHashes Hashes(int entry) => ref _hashes[entry];

    /// <summary>Whether the entry's <see cref="Sums"/> have been filled since it was taken.</summary>
    public bool Ready(int entry) => _ready[entry];

    /// <summary>Marks the entry's <see cref="Sums"/> filled.</summary>
    public void MarkReady(int entry) => _ready[entry] = true;

    /// <summary>The integer weight sums of the word's features for a token <paramref name="offset"/> tokens away (−Reach…Reach).</summary>
    public Span<int> Sums(int entry, int offset) =>
        _sums.AsSpan(((entry * Roles) + offset + Featurizer.Reach) * FeatureTable.Lanes, FeatureTable.Lanes);
}

namespace Storyline.Analysis.Entities;

/// <summary>
/// Names seen as entities in training, by lower-cased token sequence (hashed), with their most frequent
/// type; per lower-cased word, its most frequent label; and place names from an outside list (cities, countries,
/// regions: <see cref="PlaceList"/>), the same for every training fold. All give features, not decisions.
/// </summary>
/// <remarks>
/// The name and place maps also hold every proper prefix of a listed name, flagged by <see cref="PrefixFlag"/>
/// (alone, or on a name that is itself the prefix of a longer one): matching stops extending a token sequence as
/// soon as it is neither, which for most tokens is after one lookup instead of six.
/// </remarks>
internal sealed class Gazetteer
{
    public const int MaxLength = 6;

    /// <summary>Set on a map value when its key is a proper prefix of a longer name; the low bits are the type or class (0: none).</summary>
    public const byte PrefixFlag = 0x80;

    private readonly Dictionary<ulong, byte> _names;   // hash of lower-cased token sequence → type index + 1
    private readonly Dictionary<ulong, byte> _words;   // hash of lower-cased word → label class (see WordClass)
    private readonly HashLookup<byte> _nameLookup;
    private readonly HashLookup<byte> _wordLookup;
    private readonly Dictionary<ulong, byte> _places;  // hash of lower-cased token sequence → place class
    private readonly HashLookup<byte> _placeLookup;

    public Gazetteer(Dictionary<ulong, byte> names, Dictionary<ulong, byte> words, Dictionary<ulong, byte>? places = null)
    {
        _names = names;
        _words = words;
        _places = places ?? [];
        _nameLookup = new HashLookup<byte>(names, filtered: true);
        _wordLookup = new HashLookup<byte>(words);
        _placeLookup = new HashLookup<byte>(_places, filtered: true);
    }

    /// <summary>Whether place names from an outside list are known (their features exist only then).</summary>
    public bool HasPlaces => _places.Count > 0;

    /// <summary>How many place names are listed (not counting their prefixes).</summary>
    public int PlaceCount => _places.Count(p => (p.Value & ~PrefixFlag) != 0);

    public IReadOnlyDictionary<ulong, byte> Places => _places;

    public int NameCount => _names.Count(p => (p.Value & ~PrefixFlag) != 0);

    public int WordCount => _words.Count;

    public IReadOnlyDictionary<ulong, byte> Names => _names;

    public IReadOnlyDictionary<ulong, byte> Words => _words;

    /// <summary>Builds from labelled sentences (tags as type index per token: -1 for O, and whether each token begins a name).</summary>
    public static Gazetteer Build(IEnumerable<(ulong[] LowerHashes, int[] Types, bool[] Begins)> sentences, Dictionary<ulong, byte>? places = null)
    {
        var nameCounts = new Dictionary<ulong, int[]>();
        var wordCounts = new Dictionary<ulong, int[]>();
        var prefixes = new HashSet<ulong>();
        foreach (var (lowers, types, begins) in sentences)
        {
            for (var i = 0; i < lowers.Length; i++)
            {
                Count(wordCounts, lowers[i], types[i] < 0 ? 0 : 1 + (types[i] * 2) + (begins[i] ? 0 : 1), 9);
                if (types[i] < 0 || !begins[i])
                {
                    continue;
                }

                var end = i + 1;
                while (end < lowers.Length && types[end] == types[i] && !begins[end])
                {
                    end++;
                }

                if (end - i <= MaxLength)
                {
                    Count(nameCounts, SequenceHash(lowers, i, end), types[i], 4);
                    for (var k = i + 1; k < end; k++)
                    {
                        prefixes.Add(SequenceHash(lowers, i, k));
                    }
                }
            }
        }

        var names = new Dictionary<ulong, byte>(nameCounts.Count);
        foreach (var (key, counts) in nameCounts)
        {
            names[key] = (byte)(ArgMax(counts) + 1);
        }

        MarkPrefixes(names, prefixes);

        var words = new Dictionary<ulong, byte>(wordCounts.Count);
        foreach (var (key, counts) in wordCounts)
        {
            var total = counts.Sum();
            var best = ArgMax(counts);
            var share = (double)counts[best] / total;
            var frequency = total >= 10 ? 2 : total >= 3 ? 1 : 0;
            var confidence = share >= 0.9 ? 2 : share >= 0.6 ? 1 : 0;
            words[key] = (byte)((best * 9) + (frequency * 3) + confidence + 1);
        }

        return new Gazetteer(names, words, places);
    }

    /// <summary>Marks the longest known names, left to right: per token the type index + 1 and where in the name it is (1 first … 4 alone), else 0.</summary>
    public void Match(ReadOnlySpan<ulong> lowers, Span<byte> type, Span<byte> position) => Match(_nameLookup, lowers, default, type, position);

    /// <summary>As <see cref="Match(ReadOnlySpan{ulong}, Span{byte}, Span{byte})"/> for the outside list's place names: per token the place class.</summary>
    public void MatchPlaces(ReadOnlySpan<ulong> lowers, Span<byte> type, Span<byte> position) => Match(_placeLookup, lowers, default, type, position);

    /// <summary>
    /// <see cref="Match(ReadOnlySpan{ulong}, Span{byte}, Span{byte})"/> given each token's <see cref="NameStart"/>: a token that starts no name is passed over
    /// without a lookup (a per-word value, which the tagger's word cache keeps).
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowers, ReadOnlySpan<byte> starts, Span<byte> type, Span<byte> position) => Match(_nameLookup, lowers, starts, type, position);

    /// <summary><see cref="MatchPlaces(ReadOnlySpan{ulong}, Span{byte}, Span{byte})"/> given each token's <see cref="PlaceStart"/>.</summary>
    public void MatchPlaces(ReadOnlySpan<ulong> lowers, ReadOnlySpan<byte> starts, Span<byte> type, Span<byte> position) => Match(_placeLookup, lowers, starts, type, position);

    /// <summary>What the names map holds for the one-word sequence <paramref name="lowerHash"/>: 0 when no name is or begins with that word.</summary>
    public byte NameStart(ulong lowerHash) => _nameLookup[FeatureHash.Mix(SequenceSeed ^ lowerHash)];

    /// <summary>What the places map holds for the one-word sequence <paramref name="lowerHash"/>: 0 when no place is or begins with that word.</summary>
    public byte PlaceStart(ulong lowerHash) => _placeLookup[FeatureHash.Mix(SequenceSeed ^ lowerHash)];

    /// <param name="lookup">The names or the places.</param>
    /// <param name="lowers">Per token, its lower-cased hash.</param>
    /// <param name="starts">Per token, the map's value for the token alone (empty: looked up here).</param>
    /// <param name="type">Per token, the matched name's type (0: none).</param>
    /// <param name="position">Per token, where in the matched name it is.</param>
    private static void Match(HashLookup<byte> lookup, ReadOnlySpan<ulong> lowers, ReadOnlySpan<byte> starts, Span<byte> type, Span<byte> position)
    {
        type.Clear();
        position.Clear();
        var i = 0;
        while (i < lowers.Length)
        {
            if (!starts.IsEmpty && starts[i] == 0)
            {
                i++;
                continue;
            }

            // Extend the token sequence starting here while it is a name or the beginning of one; the longest
            // name seen wins. Each sequence's hash extends the one before.
            var longest = Math.Min(MaxLength, lowers.Length - i);
            var h = SequenceSeed;
            var matched = 0;
            byte matchedType = 0;
            for (var length = 1; length <= longest; length++)
            {
                h = FeatureHash.Mix(h ^ lowers[i + length - 1]);
                var value = lookup[h];
                if ((value & ~PrefixFlag) != 0)
                {
                    matched = length;
                    matchedType = (byte)(value & ~PrefixFlag);
                }

                if ((value & PrefixFlag) == 0)
                {
                    break;
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            for (var k = 0; k < matched; k++)
            {
                type[i + k] = matchedType;
                position[i + k] = (byte)(matched == 1 ? 4 : k == 0 ? 1 : k == matched - 1 ? 3 : 2);
            }

            i += matched;
        }
    }

    /// <summary>Adds <see cref="PrefixFlag"/> to the names that begin longer ones, and flag-only entries for the other beginnings.</summary>
    public static void MarkPrefixes(Dictionary<ulong, byte> names, IEnumerable<ulong> prefixes)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(prefixes);
        foreach (var prefix in prefixes)
        {
            names[prefix] = (byte)(names.GetValueOrDefault(prefix) | PrefixFlag);
        }
    }

    /// <summary>The word's label class (0: unknown).</summary>
    public byte WordClass(ulong lowerHash) => _wordLookup[lowerHash];

    /// <summary>
    /// The label a word most often had in training: −1 unknown, 0 O, else 1 + type × 2 (+1 inside a name);
    /// and how dominant it was (0–2).
    /// </summary>
    public (int Label, int Confidence) Describe(ReadOnlySpan<char> word)
    {
        var c = WordClass(FeatureHash.Of(word, true));
        if (c == 0)
        {
            return (-1, 0);
        }

        var v = c - 1;
        return (v / 9, v % 3);
    }

    private const ulong SequenceSeed = 0x9E3779B97F4A7C15UL;

    public static ulong SequenceHash(ReadOnlySpan<ulong> lowers, int start, int end)
    {
        var h = SequenceSeed;
        for (var i = start; i < end; i++)
        {
            h = FeatureHash.Mix(h ^ lowers[i]);
        }

        return h;
    }

    private static void Count(Dictionary<ulong, int[]> counts, ulong key, int index, int size)
    {
        if (!counts.TryGetValue(key, out var array))
        {
            counts[key] = array = new int[size];
        }

        array[index]++;
    }

    private static int ArgMax(int[] counts)
    {
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return best;
    }
}

using System.Runtime.CompilerServices;

namespace Storyline.Analysis.Text;

/// <summary>
/// A read-only word list looked up by span, answering exactly as its <see cref="HashSet{T}"/> would (ordinal,
/// or ordinal ignoring case), with a filter in front: a 3 KB bit set of the lengths and first two letters
/// (case-folded) that its words have. Cue, title and pronoun lists are asked about nearly every token of running
/// text and hold few of them; most are turned away by one bit instead of a case-insensitive hash and an
/// interface call each.
/// </summary>
internal sealed class WordSet
{
    /// <summary>Longer words share the last length.</summary>
    private const int MaxLength = 31;

    /// <summary>Per character: 0 for ASCII that is not a letter, 1–26 for a letter of either case.</summary>
    private const int Symbols = 27;

    private readonly ulong[] _filter = new ulong[(((MaxLength + 1) * Symbols * Symbols) + 63) / 64];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _filtered;

    /// <param name="words">The words, compared as the set compares them.</param>
    public WordSet(HashSet<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();

        // Folding ASCII letters keeps every word an ordinal or ordinal-ignore-case set could match; with a word
        // whose first letters are not ASCII the filter could not say how they fold, so it is left out.
        _filtered = ReferenceEquals(words.Comparer, StringComparer.Ordinal) || ReferenceEquals(words.Comparer, StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {
            if (!TryKey(word, out var key))
            {
                _filtered = false;
                break;
            }

            _filter[key >> 6] |= 1UL << key;
        }
    }

    /// <summary>Whether lookups go through the filter (ordinal comparers, words starting in ASCII).</summary>
    public bool Filtered => _filtered;

    /// <summary>Whether the set holds <paramref name="word"/>.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (_filtered && TryKey(word, out var key) && (_filter[key >> 6] & (1UL << key)) == 0)
        {
            return false;
        }

        return _lookup.Contains(word);
    }

    /// <summary>The filter bit of a word; false when its first two characters are not both ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryKey(ReadOnlySpan<char> word, out int key)
    {
        var first = word.Length > 0 ? Symbol(word[0]) : 0;
        var second = word.Length > 1 ? Symbol(word[1]) : 0;
        key = (((Math.Min(word.Length, MaxLength) * Symbols) + first) * Symbols) + second;
        return first >= 0 && second >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Symbol(char c) => c >= 128 ? -1 : (c | 0x20) is >= 'a' and <= 'z' ? (c | 0x20) - 'a' + 1 : 0;
}

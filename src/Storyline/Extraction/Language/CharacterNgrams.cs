using System.Globalization;
using System.Runtime.CompilerServices;

namespace Storyline.Extraction.Language;

/// <summary>
/// The 1- to 4-grams of lower-cased words, each word padded with a space on both sides ("_de_" gives
/// d, e, _d, de, e_, _de, de_, _de_). An n-gram is packed exactly into a 64-bit key (four 16-bit
/// units; no letter is U+0000, so the length is implied), which needs no string and never collides.
/// </summary>
internal static class CharacterNgrams
{
    /// <summary>The longest n-gram.</summary>
    public const int MaxOrder = 4;

    private const ulong Space = ' ';

    /// <summary>Feeds every n-gram of <paramref name="text"/> to <paramref name="sink"/>, in text order.</summary>
    public static void Read<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, INgramSink
    {
        ulong window = 0;
        var length = 0; // units in the window, the leading space included
        foreach (var raw in text)
        {
            if (IsWordChar(raw))
            {
                if (length == 0)
                {
                    window = Space;
                    length = 1;
                }

                window = (window << 16) | char.ToLowerInvariant(raw);
                length++;
                for (var n = 1; n <= MaxOrder && n <= length; n++)
                {
                    // The unigram of the padding itself says nothing; every other suffix of the window is an n-gram.
                    sink.Add(window & Mask(n), n);
                }
            }
            else if (length > 0)
            {
                EndWord(ref window, length, ref sink);
                length = 0;
            }
        }

        if (length > 0)
        {
            EndWord(ref window, length, ref sink);
        }
    }

    /// <summary>Letters and the combining marks that carry vowels in Indic and Arabic scripts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetter(c)
        : char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static void EndWord<TSink>(ref ulong window, int length, ref TSink sink)
        where TSink : struct, INgramSink
    {
        window = (window << 16) | Space;
        for (var n = 2; n <= MaxOrder && n <= length + 1; n++)
        {
            sink.Add(window & Mask(n), n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(int n) => n == 4 ? ulong.MaxValue : (1UL << (16 * n)) - 1;

    /// <summary>The n-gram a key stands for (for reports and tests, not for scoring).</summary>
    public static string Text(ulong key)
    {
        Span<char> chars = stackalloc char[MaxOrder];
        var n = 0;
        for (var shift = 48; shift >= 0; shift -= 16)
        {
            var c = (char)((key >> shift) & 0xFFFF);
            if (c != 0)
            {
                chars[n++] = c;
            }
        }

        return new string(chars[..n]);
    }
}

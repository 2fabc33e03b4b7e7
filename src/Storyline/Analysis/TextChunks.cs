namespace Storyline.Analysis;

/// <summary>
/// Cuts a long text into pieces analysed one at a time, at paragraph breaks where it can (else after a sentence end,
/// else at a space). Parts of the analysis compare each quote or speaker with the others of the text; on pieces of a
/// bounded size that costs a bounded amount per piece, so analysis stays linear in the text however long it is. No
/// news article comes near <see cref="MaxChars"/>, so articles are analysed whole, as before.
/// </summary>
internal static class TextChunks
{
    /// <summary>The longest piece, in characters (a long feature runs to 30-40 thousand).</summary>
    public const int MaxChars = 60_000;

    /// <summary>The pieces' start and end offsets, in order, covering the text.</summary>
    public static List<(int Start, int End)> Of(string text, int maxChars = MaxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var chunks = new List<(int, int)>();
        var start = 0;
        while (text.Length - start > maxChars)
        {
            var end = Cut(text, start + (maxChars / 2), start + maxChars);
            chunks.Add((start, end));
            start = end;
        }

        chunks.Add((start, text.Length));
        return chunks;
    }

    /// <summary>Where to end a piece between <paramref name="from"/> and <paramref name="limit"/> (exclusive).</summary>
    private static int Cut(string text, int from, int limit)
    {
        var window = text.AsSpan(from, limit - from);
        var paragraph = window.LastIndexOf("\n\n");
        if (paragraph >= 0)
        {
            return from + paragraph + 2;
        }

        var sentence = window.LastIndexOf(". ");
        if (sentence >= 0)
        {
            return from + sentence + 2;
        }

        var space = window.LastIndexOfAny(' ', '\n', '\t');
        if (space >= 0)
        {
            return from + space + 1;
        }

        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }
}

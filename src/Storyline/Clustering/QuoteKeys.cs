namespace Storyline.Clustering;

/// <summary>
/// Keys of the quotations in a text: the first eight words (lower-cased) of each span of at least five
/// words between quotation marks. Two reports that quote the same words share a key even when one
/// trims the quote's end.
/// </summary>
internal static class QuoteKeys
{
    private const int MinWords = 5;
    private const int KeyWords = 8;

    public static HashSet<string> Of(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u201C' || (c == '"' && open < 0))
            {
                open = i + 1;
            }
            else if ((c is '\u201D' || c == '"') && open >= 0)
            {
                Add(keys, text.AsSpan(open, i - open));
                open = -1;
            }
        }

        return keys;
    }

    private static void Add(HashSet<string> keys, ReadOnlySpan<char> quote)
    {
        var words = new List<string>(KeyWords);
        foreach (var range in quote.SplitAny(" \t\n,;:.!?"))
        {
            var word = quote[range];
            if (!word.IsEmpty)
            {
                if (words.Count < KeyWords)
                {
                    words.Add(word.ToString().ToLowerInvariant());
                }
                else
                {
                    break;
                }
            }
        }

        if (words.Count >= MinWords)
        {
            keys.Add(string.Join(' ', words));
        }
    }
}

using Storyline.Analysis;

namespace Storyline.Clustering;

/// <summary>
/// Capitalised words inside sentences — a cheap stand-in for named entities until the entity
/// recogniser lands: "Musk", "Novikov", "Duma". Sentence-initial words are skipped (capitalised
/// anyway), as are stopwords; names are lower-cased.
/// </summary>
internal static class NameTerms
{
    public static HashSet<string> Of(string text, int maxChars = 6000)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = text.AsSpan(0, Math.Min(text.Length, maxChars));
        var sentenceStart = true;
        Span<char> buffer = stackalloc char[48];
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '\u201C')
                {
                    sentenceStart = true;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && (char.IsLetterOrDigit(span[i]) || (span[i] == '-' && i + 1 < span.Length && char.IsLetter(span[i + 1]))))
            {
                i++;
            }

            var word = span[start..i];
            if (!sentenceStart && char.IsUpper(word[0]) && word.Length is >= 2 and <= 48)
            {
                var lower = buffer[..word.Length];
                word.ToLowerInvariant(lower);
                if (!Stopwords.Contains(lower))
                {
                    lookup.Add(lower); // a string only for a name not seen yet
                }
            }

            sentenceStart = false;
        }

        return names;
    }
}

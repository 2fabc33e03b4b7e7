namespace Storyline.Analysis;

/// <summary>
/// Splits text into lower-cased content terms for similarity: runs of letters and digits (apostrophes
/// inside a word end it, so "Trump's" gives "trump"), at least two characters, stopwords and bare
/// numbers under three digits left out.
/// </summary>
public static class TermTokenizer
{
    /// <summary>Calls <paramref name="onTerm"/> with each term of <paramref name="text"/>, in order, until it returns false.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, Func<string, bool> onTerm)
    {
        ArgumentNullException.ThrowIfNull(onTerm);
        var sink = new StringSink(onTerm);
        Tokenize(text, ref sink);
    }

    /// <summary>
    /// Gives <paramref name="sink"/> each term of <paramref name="text"/> as a span (valid only during the call), in
    /// order, until it returns false: a caller that counts terms makes a string only for a term it has not seen.
    /// </summary>
    internal static void Tokenize<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITermSink
    {
        Span<char> buffer = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (word.Length < 2 || word.Length > buffer.Length)
            {
                continue;
            }

            var lower = buffer[..word.Length];
            word.ToLowerInvariant(lower);
            if (Stopwords.Contains(lower) || (word.Length < 3 && IsDigits(lower)))
            {
                continue;
            }

            if (!sink.Add(lower))
            {
                return;
            }
        }
    }

    /// <summary>The terms of <paramref name="text"/>, at most <paramref name="limit"/> of them.</summary>
    public static List<string> Terms(string? text, int limit = int.MaxValue)
    {
        var terms = new List<string>();
        if (!string.IsNullOrEmpty(text))
        {
            Tokenize(text, term =>
            {
                terms.Add(term);
                return terms.Count < limit;
            });
        }

        return terms;
    }

    /// <summary>Receives terms from <see cref="Tokenize{TSink}(ReadOnlySpan{char}, ref TSink)"/>; a struct, so the loop is specialised for it.</summary>
    internal interface ITermSink
    {
        /// <summary>One term; false stops the tokenising.</summary>
        bool Add(ReadOnlySpan<char> term);
    }

    private readonly struct StringSink(Func<string, bool> onTerm) : ITermSink
    {
        public bool Add(ReadOnlySpan<char> term) => onTerm(term.ToString());
    }

    private static bool IsDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

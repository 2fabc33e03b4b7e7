namespace Storyline.Comparison;

/// <summary>
/// A light English suffix stripper ("reports", "reported", "reporting" → "report"; "countries" → "country";
/// "increase", "increased" → "increas"): enough to match inflections of one word across two outlets'
/// sentences, which is all the same-content features ask of it. Not a full Porter stemmer: derivations
/// ("nationalisation") are left alone, as they change meaning more often than they match a paraphrase.
/// Expects lower-case input.
/// </summary>
internal static class WordStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1]))
        {
            return word;
        }

        var stem = Strip(word);
        // A final 'e' goes from every form, so that "increase" and "increas(ed)" meet.
        return stem.Length > 3 && stem[^1] == 'e' ? stem[..^1] : stem;
    }

    private static string Strip(string word)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return Undouble(word[..^3]);
        }

        if (word.EndsWith("ied", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return Undouble(word[..^2]);
        }

        if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^2];
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && word[^3] is 's' or 'x' or 'z' or 'h')
        {
            return word[..^2];
        }

        return word[^1] == 's' && word[^2] is not 's' and not 'u' and not 'i' ? word[..^1] : word;
    }

    /// <summary>"stopp" → "stop", "plann" → "plan"; "fall", "kiss" keep their pairs.</summary>
    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not 'l' and not 's' and not 'z' and not 'e' and not 'o' ? stem[..^1] : stem;
}

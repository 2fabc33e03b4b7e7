namespace Storyline.Comparison;

/// <summary>Kinds of content word for the unmatched-word features: attribution, time, name, number, other.</summary>
internal static class WordKinds
{
    public static readonly string[] Names = ["attribution", "time", "name", "number", "other"];

    private static readonly HashSet<ulong> Attribution = Stems(
        "said", "says", "told", "tell", "added", "according", "stated", "statement", "reported", "reports", "announced", "noted",
        "explained", "declared", "spokesman", "spokeswoman", "spokesperson", "officials", "official", "claimed", "interview", "asked");

    private static readonly HashSet<ulong> Time = Stems(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow", "tonight",
        "week", "month", "morning", "afternoon", "evening", "night", "earlier", "later", "recently", "currently",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    public static int Count => Names.Length;

    /// <summary>The kind (index into <see cref="Names"/>) of word <paramref name="i"/> of <paramref name="words"/>.</summary>
    public static int Of(PassageWords words, int i)
    {
        var flags = words.Flags[i];
        var stem = words.StemHashes[i];
        return Attribution.Contains(stem) ? 0
            : Time.Contains(stem) ? 1
            : (flags & WordFlags.Name) != 0 ? 2
            : (flags & WordFlags.Number) != 0 ? 3
            : 4;
    }

    private static HashSet<ulong> Stems(params string[] words) => [.. words.Select(w => PassageWords.Hash(WordStemmer.Stem(w)))];
}

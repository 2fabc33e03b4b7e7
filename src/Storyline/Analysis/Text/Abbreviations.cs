namespace Storyline.Analysis.Text;

/// <summary>Known abbreviations that end in a dot, and how they behave at a sentence end.</summary>
internal static class Abbreviations
{
    // Titles and month/weekday names: a sentence never ends on them ("Mr. Novikov", "Sept. 11").
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "maj",
        "capt", "cpt", "sgt", "cmdr", "adm", "brig", "rev", "hon", "pres", "supt", "amb", "atty", "insp", "det",
        "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "vols",
        "art", "pp", "fig", "figs", "approx", "dept", "univ", "ave", "blvd", "rd", "cf", "vs", "v", "ex", "op", "ch", "sec",
    };

    // Abbreviations that often end a sentence too ("… works for Acme Inc. The firm …").
    private static readonly HashSet<string> MaybeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "ltd", "co", "corp", "jr", "sr", "etc", "bros", "plc", "llc", "al", "esq", "ph.d", "a.m", "p.m",
    };

    private static readonly WordSet NeverFinalWords = new(NeverFinal);

    private static readonly WordSet MaybeFinalWords = new(MaybeFinal);

    /// <summary>Whether <paramref name="word"/> (without its dot) is a known abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => NeverFinalWords.Contains(word) || MaybeFinalWords.Contains(word);

    /// <summary>Whether a sentence may end on this abbreviation (given with its dot).</summary>
    public static bool MayEndSentence(ReadOnlySpan<char> token)
    {
        var word = token.EndsWith('.') ? token[..^1] : token;
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "John F. Kennedy"
        }

        return !NeverFinalWords.Contains(word);
    }
}

namespace Storyline.Comparison;

/// <summary>
/// The features of a passage pair for the same-content model, all symmetric (a pair's order carries no
/// meaning): n-gram overlap of words and stems (the BLEU and METEOR family, after Madnani et al. 2012),
/// longest common subsequence and word edit distance, a stem/prefix word alignment with its fragmentation,
/// numbers and names that agree or clash ("12 killed" vs "15 killed"), negation, length, and character
/// trigram overlap.
/// </summary>
internal static class PairFeatures
{
    /// <summary>Feature names, in order.</summary>
    public static readonly string[] Names = BuildNames();

    public static int Count => Names.Length;

    /// <summary>Writes the features of (<paramref name="a"/>, <paramref name="b"/>) into <paramref name="into"/>.</summary>
    public static void Compute(PassageWords a, PassageWords b, Span<double> into)
    {
        var k = 0;
        Span<int> wordMatches = stackalloc int[4];
        for (var n = 1; n <= 4; n++)
        {
            wordMatches[n - 1] = NGramOverlap.Matches(a.FormHashes, b.FormHashes, n);
            k = Overlap(wordMatches[n - 1], Math.Max(0, a.Count - n + 1), Math.Max(0, b.Count - n + 1), into, k);
        }

        for (var n = 1; n <= 2; n++)
        {
            k = Overlap(NGramOverlap.Matches(a.StemHashes, b.StemHashes, n), Math.Max(0, a.Count - n + 1), Math.Max(0, b.Count - n + 1), into, k);
        }

        var (contentMatches, contentA, contentB) = NGramOverlap.ContentMatches(a, b);
        k = Overlap(contentMatches, contentA, contentB, into, k);
        into[k++] = Math.Log(1 + Math.Min(contentA, contentB) - contentMatches);
        into[k++] = Math.Log(1 + Math.Max(contentA, contentB) - contentMatches);

        var (bleuA, bleuB) = (NGramOverlap.Bleu(a.Count, b.Count, wordMatches), NGramOverlap.Bleu(b.Count, a.Count, wordMatches));
        into[k++] = Math.Min(bleuA, bleuB);
        into[k++] = Math.Max(bleuA, bleuB);

        var lcs = Sequences.CommonSubsequence(a.StemHashes, b.StemHashes);
        into[k++] = Ratio(lcs, Math.Max(a.Count, b.Count));
        into[k++] = Ratio(lcs, Math.Min(a.Count, b.Count));
        into[k++] = Ratio(Sequences.EditDistance(a.StemHashes, b.StemHashes), Math.Max(a.Count, b.Count));

        var (meteorA, meteorB) = WordAlignment.Meteor(a, b);
        into[k++] = Math.Min(meteorA, meteorB);
        into[k++] = Math.Max(meteorA, meteorB);

        k = Agreement(a, b, WordFlags.Number, into, k);
        k = Agreement(a, b, WordFlags.Name, into, k);
        into[k++] = Negated(a) != Negated(b) ? 1 : 0;

        into[k++] = Ratio(Math.Abs(a.Count - b.Count), Math.Max(a.Count, b.Count));
        into[k++] = Math.Log(1 + Math.Min(a.Count, b.Count));
        into[k++] = NGramOverlap.CharacterTrigramDice(a.Trigrams, b.Trigrams);
    }

    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (var (level, max) in new[] { ("word", 4), ("stem", 2) })
        {
            for (var n = 1; n <= max; n++)
            {
                names.AddRange([$"{level}{n}-f", $"{level}{n}-min", $"{level}{n}-max"]);
            }
        }

        names.AddRange(["content-f", "content-min", "content-max", "content-unmatched-min", "content-unmatched-max"]);
        names.AddRange(["bleu-min", "bleu-max", "lcs-long", "lcs-short", "edit-distance", "meteor-min", "meteor-max"]);
        foreach (var kind in new[] { "number", "name" })
        {
            names.AddRange([$"{kind}-both", $"{kind}-clash", $"{kind}-unmatched", $"{kind}-all-match"]);
        }

        names.AddRange(["negation-mismatch", "length-difference", "length-log", "char3-dice"]);
        return [.. names];
    }

    private static int Overlap(int matches, int countA, int countB, Span<double> into, int k)
    {
        into[k] = Ratio(2 * matches, countA + countB);
        into[k + 1] = Ratio(matches, Math.Max(countA, countB));
        into[k + 2] = Ratio(matches, Math.Min(countA, countB));
        return k + 3;
    }

    /// <summary>Numbers (or names) in both, in one only, and whether every one is matched.</summary>
    private static int Agreement(PassageWords a, PassageWords b, WordFlags kind, Span<double> into, int k)
    {
        var inA = Set(a, kind);
        var inB = Set(b, kind);
        var unmatched = inA.Count(w => !inB.Contains(w)) + inB.Count(w => !inA.Contains(w));
        var both = inA.Count > 0 && inB.Count > 0;
        into[k] = both ? 1 : 0;
        into[k + 1] = both && unmatched > 0 ? 1 : 0;
        into[k + 2] = Math.Log(1 + unmatched);
        into[k + 3] = (inA.Count > 0 || inB.Count > 0) && unmatched == 0 ? 1 : 0;
        return k + 4;
    }

    private static HashSet<ulong> Set(PassageWords words, WordFlags kind)
    {
        var set = new HashSet<ulong>();
        for (var i = 0; i < words.Count; i++)
        {
            if ((words.Flags[i] & kind) != 0)
            {
                set.Add(words.StemHashes[i]);
            }
        }

        return set;
    }

    private static bool Negated(PassageWords words) => words.Flags.Any(f => (f & WordFlags.Negation) != 0);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

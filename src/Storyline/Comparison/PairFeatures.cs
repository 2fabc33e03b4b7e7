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
        k = Weighted(a, b, into, k);
        into[k++] = NumberSubstitution(a, b) ? 1 : 0;
        k = UnmatchedKinds(a, b, into, k);
        var (runA, runB) = (LongestUnmatchedRun(a, b), LongestUnmatchedRun(b, a));
        into[k++] = Math.Log(1 + Math.Min(runA, runB));
        into[k++] = Math.Log(1 + Math.Max(runA, runB));
    }

    /// <summary>The longest run of words of <paramref name="side"/> whose stems the other lacks: an added clause, not a reworded word.</summary>
    private static int LongestUnmatchedRun(PassageWords side, PassageWords other)
    {
        var present = new HashSet<ulong>(other.StemHashes);
        int longest = 0, run = 0;
        for (var i = 0; i < side.Count; i++)
        {
            run = present.Contains(side.StemHashes[i]) ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>
    /// Unmatched content words by kind, fewest and most on either side (log): attribution ("said", "according"),
    /// time ("Monday", "yesterday"), names, numbers and the rest. Reports of one fact differ mostly in attribution
    /// and time; a clause of its own shows as other words.
    /// </summary>
    private static int UnmatchedKinds(PassageWords a, PassageWords b, Span<double> into, int k)
    {
        Span<int> countsA = stackalloc int[WordKinds.Count];
        Span<int> countsB = stackalloc int[WordKinds.Count];
        CountUnmatched(a, b, countsA);
        CountUnmatched(b, a, countsB);
        for (var kind = 0; kind < WordKinds.Count; kind++)
        {
            into[k++] = Math.Log(1 + Math.Min(countsA[kind], countsB[kind]));
            into[k++] = Math.Log(1 + Math.Max(countsA[kind], countsB[kind]));
        }

        return k;
    }

    private static void CountUnmatched(PassageWords side, PassageWords other, Span<int> counts)
    {
        var present = new HashSet<ulong>(other.StemHashes);
        for (var i = 0; i < side.Count; i++)
        {
            if ((side.Flags[i] & WordFlags.Stop) == 0 && !present.Contains(side.StemHashes[i]))
            {
                counts[WordKinds.Of(side, i)]++;
            }
        }
    }

    /// <summary>
    /// Overlap of stems weighted by rarity (<see cref="WordRarity"/>): F, min and max weighted precision, and the
    /// weight of the rarest unmatched word on each side (min, max): a missing name or rare word says more than a
    /// missing "also".
    /// </summary>
    private static int Weighted(PassageWords a, PassageWords b, Span<double> into, int k)
    {
        var (matchedA, totalA, rarestA) = WeightedSide(a, b);
        var (matchedB, totalB, rarestB) = WeightedSide(b, a);
        var precisionA = totalA == 0 ? 0 : matchedA / totalA;
        var precisionB = totalB == 0 ? 0 : matchedB / totalB;
        into[k] = totalA + totalB == 0 ? 0 : (matchedA + matchedB) / (totalA + totalB);
        into[k + 1] = Math.Min(precisionA, precisionB);
        into[k + 2] = Math.Max(precisionA, precisionB);
        into[k + 3] = Math.Min(rarestA, rarestB);
        into[k + 4] = Math.Max(rarestA, rarestB);
        return k + 5;
    }

    private static (double Matched, double Total, double Rarest) WeightedSide(PassageWords side, PassageWords other)
    {
        var present = new HashSet<ulong>(other.StemHashes);
        double matched = 0, total = 0, rarest = 0;
        for (var i = 0; i < side.Count; i++)
        {
            var weight = WordRarity.Of(side.StemHashes[i]);
            total += weight;
            if (present.Contains(side.StemHashes[i]))
            {
                matched += weight;
            }
            else
            {
                rarest = Math.Max(rarest, weight);
            }
        }

        return (matched, total, rarest);
    }

    /// <summary>A number on each side, unmatched on the other, next to the same word ("12 killed" / "15 killed").</summary>
    private static bool NumberSubstitution(PassageWords a, PassageWords b)
    {
        var numbersA = new HashSet<ulong>();
        var numbersB = new HashSet<ulong>();
        for (var i = 0; i < a.Count; i++)
        {
            if ((a.Flags[i] & WordFlags.Number) != 0)
            {
                numbersA.Add(a.StemHashes[i]);
            }
        }

        for (var j = 0; j < b.Count; j++)
        {
            if ((b.Flags[j] & WordFlags.Number) != 0)
            {
                numbersB.Add(b.StemHashes[j]);
            }
        }

        for (var i = 0; i < a.Count; i++)
        {
            if ((a.Flags[i] & WordFlags.Number) == 0 || numbersB.Contains(a.StemHashes[i]))
            {
                continue;
            }

            for (var j = 0; j < b.Count; j++)
            {
                if ((b.Flags[j] & WordFlags.Number) != 0 && !numbersA.Contains(b.StemHashes[j]) && SameNeighbour(a, i, b, j))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameNeighbour(PassageWords a, int i, PassageWords b, int j) =>
        (i + 1 < a.Count && j + 1 < b.Count && a.StemHashes[i + 1] == b.StemHashes[j + 1])
        || (i > 0 && j > 0 && a.StemHashes[i - 1] == b.StemHashes[j - 1]);

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
        names.AddRange(["rare-f", "rare-min", "rare-max", "rarest-unmatched-min", "rarest-unmatched-max", "number-substitution"]);
        foreach (var kind in WordKinds.Names)
        {
            names.AddRange([$"unmatched-{kind}-min", $"unmatched-{kind}-max"]);
        }

        names.AddRange(["unmatched-run-min", "unmatched-run-max"]);
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

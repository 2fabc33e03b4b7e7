namespace Storyline.Comparison;

/// <summary>
/// A METEOR-like score: words of one passage aligned one-to-one with words of the other in three passes
/// (same form, same stem, same first five letters), then the recall-weighted harmonic mean of precision and
/// recall, lowered by fragmentation (how many separate chunks the aligned words fall into).
/// </summary>
internal static class WordAlignment
{
    /// <summary>The score with <paramref name="a"/> as candidate and as reference.</summary>
    public static (double AsCandidate, double AsReference) Meteor(PassageWords a, PassageWords b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (0, 0);
        }

        var link = Align(a, b);
        var matches = link.Count(l => l >= 0);
        if (matches == 0)
        {
            return (0, 0);
        }

        var chunks = 0;
        for (var i = 0; i < link.Length; i++)
        {
            if (link[i] >= 0 && (i == 0 || link[i - 1] < 0 || link[i - 1] != link[i] - 1))
            {
                chunks++;
            }
        }

        var penalty = 0.5 * Math.Pow((double)chunks / matches, 3);
        var precision = (double)matches / a.Count;
        var recall = (double)matches / b.Count;
        return (Mean(precision, recall) * (1 - penalty), Mean(recall, precision) * (1 - penalty));
    }

    private static double Mean(double precision, double recall) => precision * recall / ((0.9 * precision) + (0.1 * recall));

    /// <summary>For each word of <paramref name="a"/>, the index of its aligned word in <paramref name="b"/>, or -1.</summary>
    private static int[] Align(PassageWords a, PassageWords b)
    {
        var link = new int[a.Count];
        Array.Fill(link, -1);
        var used = new bool[b.Count];
        Pass(a, b, link, used, (i, j) => a.FormHashes[i] == b.FormHashes[j]);
        Pass(a, b, link, used, (i, j) => a.StemHashes[i] == b.StemHashes[j]);
        Pass(a, b, link, used, (i, j) => SamePrefix(a.Forms[i], b.Forms[j]));
        return link;
    }

    /// <summary>Aligns each unaligned word of a with the nearest (by relative position) unused matching word of b.</summary>
    private static void Pass(PassageWords a, PassageWords b, int[] link, bool[] used, Func<int, int, bool> same)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (link[i] >= 0)
            {
                continue;
            }

            var best = -1;
            var bestDistance = double.MaxValue;
            for (var j = 0; j < b.Count; j++)
            {
                if (used[j] || !same(i, j))
                {
                    continue;
                }

                var distance = Math.Abs(((double)i / a.Count) - ((double)j / b.Count));
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (j, distance);
                }
            }

            if (best >= 0)
            {
                link[i] = best;
                used[best] = true;
            }
        }
    }

    private static bool SamePrefix(string a, string b) =>
        a.Length >= 5 && b.Length >= 5 && a.AsSpan(0, 5).SequenceEqual(b.AsSpan(0, 5));
}

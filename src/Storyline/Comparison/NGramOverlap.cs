namespace Storyline.Comparison;

/// <summary>Clipped n-gram matches between two word sequences (as BLEU counts them), and measures built on them.</summary>
internal static class NGramOverlap
{
    /// <summary>How many n-grams of <paramref name="a"/> are matched in <paramref name="b"/>, each of b's used at most once.</summary>
    public static int Matches(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, int n)
    {
        if (a.Length < n || b.Length < n)
        {
            return 0;
        }

        var counts = new Dictionary<ulong, int>(b.Length);
        for (var i = 0; i + n <= b.Length; i++)
        {
            var key = Key(b, i, n);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var matches = 0;
        for (var i = 0; i + n <= a.Length; i++)
        {
            var key = Key(a, i, n);
            if (counts.TryGetValue(key, out var left) && left > 0)
            {
                counts[key] = left - 1;
                matches++;
            }
        }

        return matches;
    }

    /// <summary>Matched content stems (function words left out), and each side's number of them.</summary>
    public static (int Matches, int CountA, int CountB) ContentMatches(PassageWords a, PassageWords b)
    {
        var contentA = Content(a);
        var contentB = Content(b);
        return (Matches(contentA, contentB, 1), contentA.Length, contentB.Length);
    }

    /// <summary>
    /// Sentence BLEU of a candidate of <paramref name="candidate"/> words against a reference of
    /// <paramref name="reference"/> words, given their clipped 1- to 4-gram matches (the same count either way):
    /// the geometric mean of add-one smoothed precisions, times the brevity penalty.
    /// </summary>
    public static double Bleu(int candidate, int reference, ReadOnlySpan<int> matches)
    {
        if (candidate == 0 || reference == 0)
        {
            return 0;
        }

        var logSum = 0.0;
        for (var n = 1; n <= 4; n++)
        {
            logSum += Math.Log((matches[n - 1] + 1.0) / (Math.Max(0, candidate - n + 1) + 1.0));
        }

        var brevity = candidate >= reference ? 1 : Math.Exp(1 - ((double)reference / candidate));
        return brevity * Math.Exp(logSum / 4);
    }

    /// <summary>Dice coefficient of two character trigram sets.</summary>
    public static double CharacterTrigramDice(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count + b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var trigram in small)
        {
            shared += large.Contains(trigram) ? 1 : 0;
        }

        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>The character trigrams of a text (letters and digits, other runs as one space).</summary>
    internal static HashSet<ulong> Trigrams(string text)
    {
        var set = new HashSet<ulong>();
        ulong c1 = 0, c2 = 0;
        var seen = 0;
        var lastSpace = true;
        foreach (var raw in text)
        {
            var letter = char.IsLetterOrDigit(raw);
            if (!letter && lastSpace)
            {
                continue;
            }

            var c = letter ? raw : ' ';
            lastSpace = !letter;
            if (++seen >= 3)
            {
                set.Add((c1 << 32) | (c2 << 16) | c);
            }

            c1 = c2;
            c2 = c;
        }

        return set;
    }

    private static ulong[] Content(PassageWords words)
    {
        var content = new List<ulong>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if ((words.Flags[i] & WordFlags.Stop) == 0)
            {
                content.Add(words.StemHashes[i]);
            }
        }

        return [.. content];
    }

    private static ulong Key(ReadOnlySpan<ulong> words, int start, int n)
    {
        var key = words[start];
        for (var i = 1; i < n; i++)
        {
            key = (key * 0x9E3779B97F4A7C15UL) ^ words[start + i];
        }

        return key;
    }
}

using System.Text;

namespace Storyline.Comparison;

/// <summary>
/// A word-level diff of two wordings (longest common subsequence): words are compared case-insensitively, by
/// letters and digits only, with curly and straight apostrophes the same ("interfere,”" is "interfere,"), so
/// that only changes of wording show; kept runs are given in the first wording's form.
/// </summary>
public static class WordDiff
{
    /// <summary>Longest wording diffed word by word (the table is quadratic); longer ones are given as removed and added whole.</summary>
    public const int MaxWords = 400;

    /// <summary>The segments turning <paramref name="from"/> into <paramref name="to"/>: removals before additions in each changed run.</summary>
    public static IReadOnlyList<DiffSegment> Compute(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var a = from.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var b = to.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (a.Length > MaxWords || b.Length > MaxWords)
        {
            return [new DiffSegment(DiffOp.Removed, from), new DiffSegment(DiffOp.Added, to)];
        }

        var ka = a.Select(Key).ToArray();
        var kb = b.Select(Key).ToArray();
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = ka[i] == kb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>();
        var removed = new List<string>();
        var added = new List<string>();
        var same = new List<string>();
        void Flush()
        {
            if (same.Count > 0)
            {
                segments.Add(new DiffSegment(DiffOp.Same, string.Join(' ', same)));
                same.Clear();
            }
        }

        void FlushChanges()
        {
            if (removed.Count > 0)
            {
                segments.Add(new DiffSegment(DiffOp.Removed, string.Join(' ', removed)));
                removed.Clear();
            }

            if (added.Count > 0)
            {
                segments.Add(new DiffSegment(DiffOp.Added, string.Join(' ', added)));
                added.Clear();
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && ka[x] == kb[y])
            {
                FlushChanges();
                same.Add(a[x]);
                x++;
                y++;
            }
            else if (y >= b.Length || (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                Flush();
                removed.Add(a[x++]);
            }
            else
            {
                Flush();
                added.Add(b[y++]);
            }
        }

        Flush();
        FlushChanges();
        return segments;
    }

    /// <summary>Letters and digits of a word, lower-cased; a word of neither ("…", "–") is its own key.</summary>
    internal static string Key(string word)
    {
        var key = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.Length > 0 ? key.ToString() : word;
    }
}

namespace Storyline.Comparison;

/// <summary>Dynamic programmes over two word sequences: longest common subsequence and edit distance.</summary>
internal static class Sequences
{
    /// <summary>Length of the longest common subsequence of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int CommonSubsequence(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Word-level Levenshtein distance (insertions, deletions, substitutions) between the two sequences.</summary>
    public static int EditDistance(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using Storyline.Storage;

namespace Storyline.Comparison;

/// <summary>
/// Copy chains: ingest links every copy to the original it found (a copy of a copy to the first original), so
/// here each copy's direct source is found among the original and the copies of it published before it — the one
/// whose word trigrams it contains most (the original unless a copy is closer by more than
/// <see cref="Margin"/>): a copy that repeats another copy's edits copied that copy.
/// </summary>
internal static class CopyChains
{
    public const double Margin = 0.02;

    /// <summary>The id of each article's direct source (<paramref name="articles"/> in time order), or null when it is no copy.</summary>
    public static string?[] Sources(IReadOnlyList<ArticleForComparison> articles, IReadOnlyList<string> texts)
    {
        var result = articles.Select(a => a.CopyOf).ToArray();
        var index = articles.Select((a, i) => (a.Id, i)).GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var trigrams = new Dictionary<int, HashSet<ulong>>();
        HashSet<ulong> Trigrams(int i) => trigrams.TryGetValue(i, out var set) ? set : trigrams[i] = WordTrigrams(texts[i]);
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].CopyOf is not { } original || !index.TryGetValue(original, out var o))
            {
                continue;
            }

            var own = Trigrams(i);
            var best = (Id: original, Score: Containment(own, Trigrams(o)) + Margin);
            for (var j = 0; j < i; j++)
            {
                if (articles[j].CopyOf == original && Containment(own, Trigrams(j)) is var score && score > best.Score)
                {
                    best = (articles[j].Id, score);
                }
            }

            result[i] = best.Id;
        }

        return result;
    }

    private static double Containment(HashSet<ulong> own, HashSet<ulong> other) =>
        own.Count == 0 ? 0 : (double)own.Count(other.Contains) / own.Count;

    private static HashSet<ulong> WordTrigrams(string text)
    {
        var hashes = PassageWords.Of(text).FormHashes;
        var set = new HashSet<ulong>();
        for (var i = 0; i + 2 < hashes.Length; i++)
        {
            set.Add((hashes[i] * 31) ^ (hashes[i + 1] * 17) ^ hashes[i + 2]);
        }

        return set;
    }
}

namespace Storyline.Comparison;

/// <summary>
/// The passage pairs worth asking the same-content model about: passages of different articles that share
/// rare content words. Each content stem is weighted by its inverse passage frequency in the story; stems in
/// more than a fifth of the passages (the story's own topic words) are not indexed. A pair needs two shared
/// stems (one when either passage has at most three), and each passage keeps its best
/// <see cref="PerPassage"/> partners, so that the model's cost grows with the story's size, not its square.
/// </summary>
internal static class CandidatePairs
{
    public const int PerPassage = 24;

    public static List<(int A, int B)> Find(IReadOnlyList<Passage> passages)
    {
        var terms = passages.Select(ContentTerms).ToList();
        var postings = new Dictionary<ulong, List<int>>();
        for (var p = 0; p < passages.Count; p++)
        {
            foreach (var term in terms[p])
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(p);
            }
        }

        var maxFrequency = Math.Max(20, passages.Count / 5);
        var pairs = new HashSet<(int, int)>();
        var scores = new Dictionary<int, (double Weight, int Count)>();
        for (var p = 0; p < passages.Count; p++)
        {
            scores.Clear();
            foreach (var term in terms[p])
            {
                var list = postings[term];
                if (list.Count > maxFrequency)
                {
                    continue;
                }

                var weight = Math.Log((double)passages.Count / list.Count) + 0.1;
                foreach (var q in list)
                {
                    if (passages[q].Article != passages[p].Article)
                    {
                        var (w, c) = scores.GetValueOrDefault(q);
                        scores[q] = (w + weight, c + 1);
                    }
                }
            }

            foreach (var (q, _) in scores.Where(s => s.Value.Count >= 2 || (s.Value.Count >= 1 && Math.Min(terms[p].Length, terms[s.Key].Length) <= 3))
                .OrderByDescending(s => s.Value.Weight).ThenBy(s => s.Key).Take(PerPassage))
            {
                pairs.Add((Math.Min(p, q), Math.Max(p, q)));
            }
        }

        return [.. pairs.Order()];
    }

    private static ulong[] ContentTerms(Passage passage)
    {
        var words = passage.Words;
        var set = new HashSet<ulong>();
        for (var i = 0; i < words.Count; i++)
        {
            if ((words.Flags[i] & WordFlags.Stop) == 0 && (words.Forms[i].Length >= 3 || (words.Flags[i] & WordFlags.Number) != 0))
            {
                set.Add(words.StemHashes[i]);
            }
        }

        return [.. set];
    }
}

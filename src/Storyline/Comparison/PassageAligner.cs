namespace Storyline.Comparison;

/// <summary>
/// Groups passages of different articles that say the same thing: candidate pairs (<see cref="CandidatePairs"/>)
/// scored by the same-content model; the pairs at or above its threshold are joined best first, two groups only
/// when they share no article (a group holds at most one passage of each article).
/// </summary>
internal static class PassageAligner
{
    /// <summary>The groups of two or more passages, each as (passage index, best link probability), in passage order.</summary>
    public static List<List<(int Passage, double Similarity)>> Align(IReadOnlyList<Passage> passages, SameContentModel model)
    {
        var links = new List<(int A, int B, double P)>();
        foreach (var (a, b) in CandidatePairs.Find(passages))
        {
            var p = model.Probability(passages[a].Words, passages[b].Words);
            if (model.IsSame(p))
            {
                links.Add((a, b, p));
            }
        }

        var group = Enumerable.Range(0, passages.Count).ToArray();
        var members = Enumerable.Range(0, passages.Count).Select(i => new List<int> { i }).ToArray();
        var best = new double[passages.Count];
        foreach (var (a, b, p) in links.OrderByDescending(l => l.P).ThenBy(l => l.A).ThenBy(l => l.B))
        {
            var (ga, gb) = (group[a], group[b]);
            if (ga == gb || members[ga].Any(x => members[gb].Any(y => passages[x].Article == passages[y].Article)))
            {
                continue;
            }

            best[a] = Math.Max(best[a], p);
            best[b] = Math.Max(best[b], p);
            foreach (var x in members[gb])
            {
                group[x] = ga;
            }

            members[ga].AddRange(members[gb]);
            members[gb] = [];
        }

        return [.. members.Where(m => m.Count >= 2)
            .Select(m => m.Order().Select(i => (i, best[i])).ToList())
            .OrderBy(m => m[0].i)];
    }
}

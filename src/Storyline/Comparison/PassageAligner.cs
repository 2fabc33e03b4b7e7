namespace Storyline.Comparison;

/// <summary>
/// Groups passages of different articles that report the same content. Candidate pairs (<see cref="CandidatePairs"/>)
/// are scored by the learned same-content model and linked when:
/// <list type="bullet">
/// <item>the model says they are the same content (probability at or above its threshold, chosen on MRPC), or</item>
/// <item>one is the other's best partner in its article with probability at least <see cref="PartnerFloor"/>, both
/// passages having <see cref="PartnerMinWords"/> words or more: a story's reports restate each other's facts with
/// more or less detail, which MRPC's strict equivalence scores low (the seeds' "Peskov refused to comment" and
/// "refrained from taking a position" pair scores 0.46), while headings and topic-sharing passages are not the best
/// partner of anything, or are too short; or</item>
/// <item>they share a long stretch of words verbatim (a common subsequence of <see cref="VerbatimMinWords"/> words
/// or more covering half the shorter passage): one outlet quoting a sentence of the other inside a longer one.</item>
/// </list>
/// Links are joined best first. A group holds passages of each article that lie together (at most one passage
/// between two of them), so that one outlet's sentence split in two by another is one group, not two.
/// </summary>
internal static class PassageAligner
{
    public const double PartnerFloor = 0.15;

    public const int PartnerMinWords = 8;

    public const int VerbatimMinWords = 8;

    /// <summary>The groups of two or more passages, each as (passage index, best link probability), in passage order.</summary>
    public static List<List<(int Passage, double Similarity)>> Align(IReadOnlyList<Passage> passages, SameContentModel model)
    {
        var scored = CandidatePairs.Find(passages).Select(p => (p.A, p.B, P: model.Probability(passages[p.A].Words, passages[p.B].Words))).ToList();
        var partner = new Dictionary<(int Passage, int Article), double>();
        foreach (var (a, b, p) in scored)
        {
            Best(partner, (a, passages[b].Article), p);
            Best(partner, (b, passages[a].Article), p);
        }

        var links = scored.Where(l => model.IsSame(l.P) || IsPartner(passages, partner, l) || Verbatim(passages[l.A].Words, passages[l.B].Words)).ToList();
        var group = Enumerable.Range(0, passages.Count).ToArray();
        var members = Enumerable.Range(0, passages.Count).Select(i => new List<int> { i }).ToArray();
        var best = new double[passages.Count];
        foreach (var (a, b, p) in links.OrderByDescending(l => l.P).ThenBy(l => l.A).ThenBy(l => l.B))
        {
            var (ga, gb) = (group[a], group[b]);
            if (ga == gb || !Together(passages, members[ga], members[gb]))
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

        return [.. members.Where(m => m.Select(i => passages[i].Article).Distinct().Count() >= 2)
            .Select(m => m.Order().Select(i => (i, best[i])).ToList())
            .OrderBy(m => m[0].i)];
    }

    private static void Best(Dictionary<(int, int), double> partner, (int, int) key, double p) =>
        partner[key] = Math.Max(p, partner.GetValueOrDefault(key));

    private static bool IsPartner(IReadOnlyList<Passage> passages, Dictionary<(int, int), double> partner, (int A, int B, double P) link) =>
        link.P >= PartnerFloor
        && passages[link.A].Words.Count >= PartnerMinWords && passages[link.B].Words.Count >= PartnerMinWords
        && (partner[(link.A, passages[link.B].Article)] == link.P || partner[(link.B, passages[link.A].Article)] == link.P);

    private static bool Verbatim(PassageWords a, PassageWords b)
    {
        var common = Sequences.CommonSubsequence(a.FormHashes, b.FormHashes);
        return common >= VerbatimMinWords && common * 2 >= Math.Min(a.Count, b.Count);
    }

    /// <summary>Whether the two groups may join: for each article, its passages in both lie together (gaps of at most one passage).</summary>
    private static bool Together(IReadOnlyList<Passage> passages, List<int> a, List<int> b)
    {
        foreach (var article in a.Select(i => passages[i].Article).Intersect(b.Select(i => passages[i].Article)))
        {
            var indexes = a.Concat(b).Where(i => passages[i].Article == article).Order().ToList();
            for (var k = 1; k < indexes.Count; k++)
            {
                if (indexes[k] - indexes[k - 1] > 2)
                {
                    return false;
                }
            }
        }

        return true;
    }
}

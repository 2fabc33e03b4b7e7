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
/// Links are joined best first. A group holds one passage of each article, or a few that lie together when one
/// outlet split in two what another says in one sentence (see <see cref="Together"/>).
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

        var links = scored.Select(l => (l.A, l.B, l.P, Strong: model.IsSame(l.P) || Verbatim(passages[l.A].Words, passages[l.B].Words)))
            .Where(l => l.Strong || IsPartner(passages, partner, (l.A, l.B, l.P))).ToList();
        var group = Enumerable.Range(0, passages.Count).ToArray();
        var members = Enumerable.Range(0, passages.Count).Select(i => new List<int> { i }).ToArray();
        var best = new double[passages.Count];
        foreach (var (a, b, p, strong) in links.OrderByDescending(l => l.P).ThenBy(l => l.A).ThenBy(l => l.B))
        {
            var (ga, gb) = (group[a], group[b]);
            if (ga == gb || !Together(passages, members, group, ga, gb, strong))
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

    /// <summary>
    /// Whether two groups may join: when they share no article; or, over a strong link (the model's threshold or
    /// verbatim words, not a best-partner link), when one is a single passage lying next to its article's passages in
    /// the other (at most one passage between, itself in no group), as when one outlet splits a sentence the other
    /// keeps whole. Two groups that each hold several articles never join over a shared one.
    /// </summary>
    private static bool Together(IReadOnlyList<Passage> passages, List<int>[] members, int[] group, int ga, int gb, bool strong)
    {
        var (a, b) = (members[ga], members[gb]);
        var shared = a.Select(i => passages[i].Article).Intersect(b.Select(i => passages[i].Article)).ToList();
        if (shared.Count == 0)
        {
            return true;
        }

        if (!strong || Math.Min(a.Count, b.Count) != 1)
        {
            return false;
        }

        var indexes = a.Concat(b).Where(i => passages[i].Article == shared[0]).Order().ToList();
        for (var k = 1; k < indexes.Count; k++)
        {
            var gap = indexes[k] - indexes[k - 1];
            if (gap > 2 || (gap == 2 && members[group[indexes[k] - 1]].Count > 1))
            {
                return false;
            }
        }

        return true;
    }
}

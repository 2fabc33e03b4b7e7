namespace Storyline.Clustering;

/// <summary>
/// Which stories an article is compared with, shared by grouping and training so that the model learns
/// on the comparisons it will be asked to make: the index's candidates within the time window, ranked
/// by the cheap combined cosine, the best few getting the full feature vector.
/// </summary>
internal static class CandidateSelection
{
    private const int FullyScored = 12;

    public static IEnumerable<(StoryState Story, double[] Features)> Features(
        ArticleProfile profile, CandidateIndex index, IReadOnlyDictionary<long, StoryState> stories, TimeSpan window, TermStatistics statistics)
    {
        var ranked = new List<(StoryState Story, double Cosine)>();
        foreach (var id in index.Candidates(profile))
        {
            var story = stories[id];
            if (story.Gap(profile.Item) <= window)
            {
                ranked.Add((story, story.Combined.Cosine(profile.Combined)));
            }
        }

        ranked.Sort((a, b) => b.Cosine != a.Cosine ? b.Cosine.CompareTo(a.Cosine) : a.Story.Id.CompareTo(b.Story.Id));
        for (var i = 0; i < ranked.Count && i < FullyScored; i++)
        {
            var rank = new CandidateRank(ranked[i].Cosine, ranked[0].Cosine - ranked[i].Cosine, i == 0, ranked[0].Cosine - (ranked.Count > 1 ? ranked[1].Cosine : 0));
            yield return (ranked[i].Story, MergeFeatures.Compute(profile, ranked[i].Story, rank, statistics));
        }
    }
}

using System.Globalization;
using Storyline.Clustering;

namespace Storyline.Bench;

/// <summary>
/// <c>undated [FILE]</c>: how well <see cref="UndatedTimes"/> dates the undated articles of a labelled file, judged by
/// their story's dated members: the share whose estimate lies within 3 (and 7) days of the nearest dated member,
/// and the share left without an estimate. Its input order is the file's (an estimate does not depend on it,
/// but the cosine it needs does: see <see cref="UndatedTimes.OrderFollowsTime"/>).
/// </summary>
internal static class UndatedRunner
{
    public static string Run(string path)
    {
        var articles = StorylinePipeline.Default.Extract([path])
            .Where(r => r.Article is not null)
            .Select(r => (Article: r.Article!, Story: r.Article!.Metadata["story"]))
            .ToList();
        var input = articles.Select((a, i) => ((long)i, a.Article.Published?.Utc)).ToList();
        var estimated = UndatedTimes.Estimate(input, i => new ClusterItem(i, articles[i].Article.Title, articles[i].Article.Text, null, articles[i].Article.Outlet, articles[i].Article.Url), ClusteringOptions.Default);
        var datedByStory = articles.Where(a => a.Article.Published is not null).ToLookup(a => a.Story, a => a.Article.Published!.Value.Utc);
        int judged = 0, within3 = 0, within7 = 0, none = 0, noDatedMember = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].Article.Published is not null)
            {
                continue;
            }

            if (!datedByStory.Contains(articles[i].Story))
            {
                noDatedMember++;
                continue;
            }

            judged++;
            if (estimated[i] is not { } guess)
            {
                none++;
                continue;
            }

            var days = datedByStory[articles[i].Story].Min(t => Math.Abs((t - guess).TotalDays));
            within3 += days <= 3 ? 1 : 0;
            within7 += days <= 7 ? 1 : 0;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {articles.Count} articles, order follows time: {UndatedTimes.OrderFollowsTime(input)}; undated with a dated story member {judged} (and {noDatedMember} without): estimate within 3 days {within3 / (double)judged:P1}, within 7 days {within7 / (double)judged:P1}, none {none / (double)judged:P1}");
    }
}

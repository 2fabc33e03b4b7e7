namespace Storyline.Clustering;

/// <summary>The evidence that an article belongs to an open story, as numbers for the merge model.</summary>
internal static class MergeFeatures
{
    public static readonly string[] Names =
    [
        "cos_combined", "cos_combined_sq", "cos_body", "cos_title", "both_have_body", "name_overlap",
        "shared_quote", "log_gap_days", "same_outlet", "log_story_size", "max_member_cos",
        "headline_cos", "headline_max_member_cos", "title_term_overlap",
    ];

    public static int Count => Names.Length;

    public static double[] Compute(ArticleProfile article, StoryState story, TermStatistics statistics)
    {
        var combined = story.Combined.Cosine(article.Combined);
        var bothBody = !article.Body.IsEmpty && story.Body.Count > 0;
        var maxMember = 0.0;
        foreach (var member in story.Members)
        {
            maxMember = Math.Max(maxMember, member.Combined.Dot(article.Combined));
        }

        return
        [
            combined,
            combined * combined,
            bothBody ? story.Body.Cosine(article.Body) : 0,
            story.Title.Cosine(article.Title),
            bothBody ? 1 : 0,
            NameOverlap(article, story),
            story.SharesQuote(article) ? 1 : 0,
            Math.Log(1 + story.Gap(article.Item.Time).TotalDays),
            story.HasOutlet(article.Item.Outlet) ? 1 : 0,
            Math.Log(story.Count),
            Math.Clamp(maxMember, 0, 1),
            bothBody ? 0 : combined,
            bothBody ? 0 : Math.Clamp(maxMember, 0, 1),
            TitleTermOverlap(article, story, statistics),
        ];
    }

    /// <summary>IDF-weighted share of the article's title terms that occur in the story's titles.</summary>
    private static double TitleTermOverlap(ArticleProfile article, StoryState story, TermStatistics statistics)
    {
        double shared = 0, total = 0;
        foreach (var id in article.Title.Ids)
        {
            var weight = statistics.IdfOf(id);
            total += weight;
            if (story.Title.Contains(id))
            {
                shared += weight;
            }
        }

        return total == 0 ? 0 : shared / total;
    }

    /// <summary>IDF-weighted share of the article's names that the story's articles also name.</summary>
    private static double NameOverlap(ArticleProfile article, StoryState story)
    {
        if (article.WeightedNames.Length == 0 || story.Names.Count == 0)
        {
            return 0;
        }

        double shared = 0, total = 0;
        foreach (var (name, weight) in article.WeightedNames)
        {
            total += weight;
            if (story.Names.ContainsKey(name))
            {
                shared += weight;
            }
        }

        return shared / total;
    }
}

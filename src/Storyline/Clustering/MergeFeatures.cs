namespace Storyline.Clustering;

/// <summary>The evidence that an article belongs to an open story, as numbers for the merge model.</summary>
internal static class MergeFeatures
{
    private static readonly string[] BaseNames =
    [
        "cos_combined", "cos_combined_sq", "cos_body", "cos_title", "both_have_body", "name_overlap",
        "shared_quote", "log_gap_days", "same_outlet", "log_story_size", "max_member_cos", "title_term_overlap",
        "behind_best", "is_best", "best_margin",
    ];

    // Features that are constant without a body (body cosine, and names and quotes, which come from the
    // body) are not repeated for headlines.
    private static readonly int[] HeadlineGated = [0, 1, 3, 7, 8, 9, 10, 11, 12, 13, 14];

    /// <summary>
    /// Every feature, then the headline-only copies: the same evidence when article or story has no
    /// body (zero otherwise), so that headline grouping gets weights of its own rather than a shifted bias.
    /// </summary>
    public static readonly string[] Names = [.. BaseNames, .. HeadlineGated.Select(i => "headline_" + BaseNames[i])];

    public static int Count => Names.Length;

    public static double[] Compute(ArticleProfile article, StoryState story, CandidateRank rank, TermStatistics statistics)
    {
        var combined = rank.Cosine;
        var bothBody = !article.Body.IsEmpty && story.Body.Count > 0;
        var maxMember = 0.0;
        foreach (var member in story.Members)
        {
            maxMember = Math.Max(maxMember, member.Combined.Dot(article.Combined));
        }

        var features = new double[Names.Length];
        features[0] = combined;
        features[1] = combined * combined;
        features[2] = bothBody ? story.Body.Cosine(article.Body) : 0;
        features[3] = story.Title.Cosine(article.Title);
        features[4] = bothBody ? 1 : 0;
        features[5] = NameOverlap(article, story);
        features[6] = story.SharesQuote(article) ? 1 : 0;
        features[7] = Math.Log(1 + story.Gap(article.Item).TotalDays);
        features[8] = story.HasOutlet(article.Item.Outlet) ? 1 : 0;
        features[9] = Math.Log(story.Count);
        features[10] = Math.Clamp(maxMember, 0, 1);
        features[11] = TitleTermOverlap(article, story, statistics);
        features[12] = rank.BehindBest;
        features[13] = rank.IsBest ? 1 : 0;
        features[14] = rank.BestLead;
        if (!bothBody)
        {
            for (var i = 0; i < HeadlineGated.Length; i++)
            {
                features[BaseNames.Length + i] = features[HeadlineGated[i]];
            }
        }

        return features;
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

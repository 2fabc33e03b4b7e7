namespace Storyline.Clustering;

/// <summary>
/// An inverted index from distinctive terms to the open stories whose members carry them, so an article
/// is compared with the few stories it shares a strong term with rather than every open story.
/// </summary>
internal sealed class CandidateIndex
{
    private const int TermsPerArticle = 20;
    private const int MaxCandidates = 40;
    private readonly Dictionary<int, HashSet<long>> _postings = [];
    private readonly Dictionary<long, HashSet<int>> _storyTerms = [];

    public void Add(long storyId, ArticleProfile article)
    {
        if (!_storyTerms.TryGetValue(storyId, out var terms))
        {
            terms = [];
            _storyTerms[storyId] = terms;
        }

        foreach (var term in TopTerms(article))
        {
            if (terms.Add(term))
            {
                if (!_postings.TryGetValue(term, out var stories))
                {
                    stories = [];
                    _postings[term] = stories;
                }

                stories.Add(storyId);
            }
        }
    }

    public void Remove(long storyId)
    {
        if (!_storyTerms.Remove(storyId, out var terms))
        {
            return;
        }

        foreach (var term in terms)
        {
            var stories = _postings[term];
            stories.Remove(storyId);
            if (stories.Count == 0)
            {
                _postings.Remove(term);
            }
        }
    }

    /// <summary>Stories sharing at least one of the article's top terms, most shared first, at most a few dozen.</summary>
    public List<long> Candidates(ArticleProfile article)
    {
        var hits = new Dictionary<long, double>();
        foreach (var (term, weight) in TopWeighted(article))
        {
            if (_postings.TryGetValue(term, out var stories))
            {
                foreach (var story in stories)
                {
                    hits[story] = hits.GetValueOrDefault(story) + weight;
                }
            }
        }

        return [.. hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(MaxCandidates).Select(h => h.Key)];
    }

    private static IEnumerable<int> TopTerms(ArticleProfile article) => article.TopTerms(TermsPerArticle).Select(t => t.Id);

    private static (int Id, double Weight)[] TopWeighted(ArticleProfile article) => article.TopTerms(TermsPerArticle);
}

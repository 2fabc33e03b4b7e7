using Storyline.Storage;

namespace Storyline.Comparison;

/// <summary>
/// The comparison stage: how each article of a story told it. Reads a story (<see cref="IComparisonSource"/>)
/// and never writes: splits each article into passages, aligns them across articles with the learned
/// same-content model, and sums up per article what it shares, what only it tells and which core passages it
/// leaves out; then quote variants, cited sources, names and the timeline. Immutable and thread-safe.
/// </summary>
public sealed class StoryComparer(SameContentModel model)
{
    /// <summary>A comparer with the shipped same-content model.</summary>
    public static StoryComparer Default { get; } = new(SameContentModel.Default);

    /// <summary>The comparison of story <paramref name="storyId"/>, or null when <paramref name="source"/> has no such story.</summary>
    public StoryComparison? Compare(IComparisonSource source, long storyId)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.ReadForComparison(storyId) is { } story ? Compare(story) : null;
    }

    /// <summary>The comparison of <paramref name="story"/>.</summary>
    public StoryComparison Compare(StoryForComparison story)
    {
        ArgumentNullException.ThrowIfNull(story);
        story = story with { Articles = Timeline.Order(story.Articles, a => a.Published) };
        var texts = story.Articles.Select(a => a.Text.Trim().Length > 0 ? a.Text : a.Title ?? string.Empty).ToList();
        var passages = new List<Passage>();
        for (var a = 0; a < texts.Count; a++)
        {
            foreach (var (start, end) in PassageSplitter.Split(texts[a]))
            {
                passages.Add(new Passage(a, start, end, PassageWords.Of(texts[a].AsSpan(start, end - start))));
            }
        }

        var groups = PassageAligner.Align(passages, model)
            .OrderByDescending(g => g.Count).ThenBy(g => passages[g[0].Passage].Article).ThenBy(g => g[0].Passage).ToList();
        var shared = groups.Select(g => new SharedPassage([.. g.OrderBy(m => passages[m.Passage].Article)
            .Select(m => new PassageOccurrence(story.Articles[passages[m.Passage].Article].Id, SpanOf(texts, passages[m.Passage]), Math.Round(m.Similarity, 3)))])).ToList();
        var names = new NameLinker(story.Articles.SelectMany(a => a.Names.Select(n => (n.Type, n.Name))));
        var firsts = Timeline.Firsts([.. story.Articles.Select(a => a.Published)]);
        var sources = CopyChains.Sources(story.Articles, texts);
        story = story with { Articles = [.. story.Articles.Select((a, i) => a with { CopyOf = sources[i] })] };
        return new StoryComparison(
            story.StoryId,
            story.Title,
            Coverage(story, texts, passages, groups),
            shared,
            QuoteMatcher.Match(story, names),
            Sources(story),
            Entities(story, names),
            [.. story.Articles.Select((a, i) => new TimelineEntry(a.Id, a.Outlet, a.Published, a.CopyOf, a.Origin, firsts[i]))]);
    }

    private static List<ArticleCoverage> Coverage(StoryForComparison story, List<string> texts, List<Passage> passages, List<List<(int Passage, double Similarity)>> groups)
    {
        var aligned = new HashSet<int>(groups.SelectMany(g => g.Select(m => m.Passage)));
        var core = groups.Select((g, i) => (Index: i, Articles: g.Select(m => passages[m.Passage].Article).ToHashSet()))
            .Where(g => g.Articles.Count * 2 > story.Articles.Count).ToList();
        var result = new List<ArticleCoverage>(story.Articles.Count);
        for (var a = 0; a < story.Articles.Count; a++)
        {
            var own = passages.Select((p, i) => (Passage: p, Index: i)).Where(p => p.Passage.Article == a).ToList();
            var words = own.Sum(p => p.Passage.Words.Count);
            var sharedWords = own.Where(p => aligned.Contains(p.Index)).Sum(p => p.Passage.Words.Count);
            var article = story.Articles[a];
            result.Add(new ArticleCoverage(
                article.Id, article.Outlet, article.Origin, article.Published, article.CopyOf, words,
                words == 0 ? 0 : Math.Round((double)sharedWords / words, 3),
                [.. own.Where(p => !aligned.Contains(p.Index)).Select(p => SpanOf(texts, p.Passage))],
                [.. core.Where(g => !g.Articles.Contains(a)).Select(g => g.Index)]));
        }

        return result;
    }

    private static List<SourceCoverage> Sources(StoryForComparison story) =>
        [.. story.Articles.SelectMany(a => a.Sources.Select(s => (Source: s, a.Id)))
            .GroupBy(s => s.Source, StringComparer.Ordinal)
            .Select(g => new SourceCoverage(g.Key, [.. g.Select(s => s.Id).Distinct(StringComparer.Ordinal)]))
            .OrderByDescending(s => s.Articles.Count).ThenBy(s => s.Name, StringComparer.Ordinal)];

    private static List<EntityCoverage> Entities(StoryForComparison story, NameLinker names) =>
        [.. story.Articles.SelectMany(a => a.Names.Select(n => (n.Type, Name: names.Full(n.Type, n.Name), n.Mentions, a.Id)))
            .GroupBy(n => (n.Type, n.Name))
            .Select(g => (Entity: new EntityCoverage(g.Key.Name, g.Key.Type, [.. g.Select(n => n.Id).Distinct(StringComparer.Ordinal)]), Mentions: g.Sum(n => n.Mentions)))
            .OrderByDescending(e => e.Entity.Articles.Count).ThenByDescending(e => e.Mentions).ThenBy(e => e.Entity.Name, StringComparer.Ordinal)
            .Select(e => e.Entity)];

    private static TextSpan SpanOf(List<string> texts, Passage passage) =>
        new(passage.Start, passage.End, texts[passage.Article][passage.Start..passage.End]);
}

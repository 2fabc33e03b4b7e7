using Storyline.Storage;

namespace Storyline.Comparison;

/// <summary>
/// Finds the same quotation across a story's articles. Direct quotes of at least <see cref="MinWords"/> words
/// (shorter ones are mostly scare quotes: "Illegal Alien") are linked when their longest common word
/// subsequence has <see cref="MinWords"/> words and covers half of the shorter quote, so that a shortened or
/// extended quote and a reworded one (Peskov's "alone" → "on his own") are one quotation; linked quotes form
/// groups, so that one outlet's single quote and another's two parts of it meet. Each article's parts of a
/// group, in text order and joined by " … ", are its wording.
/// </summary>
internal static class QuoteMatcher
{
    public const int MinWords = 4;

    public static List<QuoteComparison> Match(StoryForComparison story, NameLinker names)
    {
        var quotes = new List<(int Article, ArticleQuote Quote, string Text, ulong[] Words, ulong[] Content)>();
        for (var a = 0; a < story.Articles.Count; a++)
        {
            foreach (var quote in story.Articles[a].Quotes.Where(q => q.Direct))
            {
                var text = Clean(quote.Text);
                var words = PassageWords.Of(text);
                if (words.Count >= MinWords && !quotes.Any(q => q.Article == a && q.Quote.Start <= quote.Start && q.Quote.End >= quote.End))
                {
                    quotes.Add((a, quote, text, words.FormHashes, [.. words.StemHashes.Where((_, i) => (words.Flags[i] & WordFlags.Stop) == 0).Distinct()]));
                }
            }
        }

        var group = Enumerable.Range(0, quotes.Count).ToArray();
        int Root(int i) => group[i] == i ? i : group[i] = Root(group[i]);
        foreach (var (i, j) in Candidates(quotes.Select(q => q.Content).ToList()))
        {
            if (quotes[i].Article != quotes[j].Article && Same(quotes[i].Words, quotes[j].Words))
            {
                group[Root(j)] = Root(i);
            }
        }

        return [.. Enumerable.Range(0, quotes.Count).GroupBy(Root).Select(g => Compare(story, [.. g.Select(i => quotes[i])], names))];
    }

    /// <summary>
    /// Pairs of quotes sharing two content words or more, or all of a quote's one (an inverted index, so that a story with thousands of quotes
    /// does not compare every pair); only these are compared word by word.
    /// </summary>
    private static IEnumerable<(int, int)> Candidates(List<ulong[]> content)
    {
        var postings = new Dictionary<ulong, List<int>>();
        for (var q = 0; q < content.Count; q++)
        {
            foreach (var word in content[q])
            {
                if (!postings.TryGetValue(word, out var list))
                {
                    postings[word] = list = [];
                }

                list.Add(q);
            }
        }

        var shared = new Dictionary<int, int>();
        for (var q = 0; q < content.Count; q++)
        {
            shared.Clear();
            foreach (var word in content[q])
            {
                foreach (var other in postings[word])
                {
                    if (other > q)
                    {
                        shared[other] = shared.GetValueOrDefault(other) + 1;
                    }
                }
            }

            foreach (var (other, _) in shared.Where(s => s.Value >= Math.Min(2, Math.Min(content[q].Length, content[s.Key].Length))).OrderBy(s => s.Key))
            {
                yield return (q, other);
            }
        }
    }

    private static bool Same(ulong[] a, ulong[] b)
    {
        var common = Sequences.CommonSubsequence(a, b);
        return common >= MinWords && common * 2 >= Math.Min(a.Length, b.Length);
    }

    private static QuoteComparison Compare(StoryForComparison story, List<(int Article, ArticleQuote Quote, string Text, ulong[] Words, ulong[] Content)> parts, NameLinker names)
    {
        var byArticle = parts.GroupBy(p => p.Article).OrderBy(g => g.Key)
            .Select(g => (Article: g.Key, Text: string.Join(" … ", g.OrderBy(p => p.Quote.Start).Select(p => p.Text)),
                Speakers: g.Select(p => p.Quote.Speaker).OfType<string>().Select(names.Speaker).ToList()))
            .ToList();
        var variants = byArticle.GroupBy(a => string.Join(' ', a.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(WordDiff.Key)))
            .Select(g => new QuoteVariant(g.First().Text, [.. g.Select(a => story.Articles[a.Article].Id)]))
            .OrderByDescending(v => v.Articles.Count).ToList();
        var speakers = byArticle.SelectMany(a => a.Speakers.Distinct(StringComparer.Ordinal)).ToList();
        var speaker = speakers.GroupBy(s => s, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var diff = variants.Count >= 2 ? WordDiff.Compute(variants[0].Text, variants[1].Text) : [new DiffSegment(DiffOp.Same, variants[0].Text)];
        return new QuoteComparison(speaker, [.. byArticle.Select(a => story.Articles[a.Article].Id)], variants, diff,
            speakers.Distinct(StringComparer.Ordinal).Count() > 1);
    }

    /// <summary>The quote's words without its quotation marks or a trailing comma ("…,” he said").</summary>
    internal static string Clean(string text)
    {
        var trimmed = text.Trim().Trim('"', '“', '”', '‘', '’', '«', '»', '\'').Trim();
        return trimmed.EndsWith(',') ? trimmed[..^1].TrimEnd() : trimmed;
    }
}

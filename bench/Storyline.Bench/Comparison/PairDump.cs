using System.Globalization;
using Storyline.Comparison;
using Storyline.Storage;

namespace Storyline.Bench.Comparison;

/// <summary><c>bench -- compare-pairs DB STORY</c>: every candidate passage pair of a stored story with its same-content probability, best first (for choosing the alignment rule).</summary>
internal static class PairDump
{
    public static void Run(string database, long storyId)
    {
        using var store = SqliteStoryStore.Open(database);
        var story = store.ReadForComparison(storyId) ?? throw new ArgumentException($"no story {storyId}");
        var passages = new List<Passage>();
        for (var a = 0; a < story.Articles.Count; a++)
        {
            var text = story.Articles[a].Text;
            foreach (var (start, end) in PassageSplitter.Split(text))
            {
                passages.Add(new Passage(a, start, end, PassageWords.Of(text.AsSpan(start, end - start))));
            }
        }

        var model = SameContentModel.Default;
        var scored = CandidatePairs.Find(passages).Select(p => (p.A, p.B, P: model.Probability(passages[p.A].Words, passages[p.B].Words))).OrderByDescending(p => p.P);
        foreach (var (a, b, p) in scored)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p:0.000}\t{Text(story, passages[a])}\t{Text(story, passages[b])}"));
        }
    }

    private static string Text(StoryForComparison story, Passage passage)
    {
        var text = story.Articles[passage.Article].Text[passage.Start..passage.End].ReplaceLineEndings(" ");
        return text.Length > 70 ? text[..70] : text;
    }
}

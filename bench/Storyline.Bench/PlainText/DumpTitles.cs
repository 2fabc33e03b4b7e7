using System.Globalization;
using Storyline.Bench.ExtractionEval;
using Storyline.Extraction;
using Storyline.Extraction.PlainText;
using Storyline.Reading;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Titles of page dumps against WCXB's labelled titles: the leading block that reads as a headline (what
/// plain-text extraction took before) and the headline found above the article (what it takes now), with
/// each page's lines judged by a classifier not trained on it. Agreement is exact after case and
/// punctuation folding (as <c>extraction</c> scores HTML titles); "close" also accepts a title that is the
/// start of the other (a dropped subtitle or site suffix) when it keeps at least five words.
/// </summary>
internal static class DumpTitles
{
    public static string Report(List<DumpPage> pages, LineModel[] models)
    {
        var labelled = Enumerable.Range(0, pages.Count).Where(i => pages[i].Title is { Length: > 0 }).ToList();
        var results = new (bool Exact, bool Close)[labelled.Count, 2];
        Parallel.For(0, labelled.Count, k =>
        {
            var page = pages[labelled[k]];
            var document = new RawDocument { Source = page.Id, Format = DocumentFormat.PlainText, Content = page.Dump, ExternalId = page.Id };
            var article = ArticleExtractor.ExtractText(document, LineCleaning.Combined, models[labelled[k]]).Article;
            var blocks = TextBoilerplate.Blocks(page.Dump);
            var leading = ArticleExtractor.TakeTitle(document, blocks)
                ?? (article is { Paragraphs.Count: > 0 } ? ArticleExtractor.TitleFromLead(article.Paragraphs[0]) : null);
            results[k, 0] = Agree(leading, page.Title!);
            results[k, 1] = Agree(article?.Title, page.Title!);
        });

        string Share(int variant, bool close) =>
            (Enumerable.Range(0, labelled.Count).Count(k => close ? results[k, variant].Close : results[k, variant].Exact) / (double)Math.Max(1, labelled.Count)).ToString("F3", CultureInfo.InvariantCulture);
        return $"wcxb dump titles ({labelled.Count} labelled): leading block exact {Share(0, false)} close {Share(0, true)} | headline above the article exact {Share(1, false)} close {Share(1, true)}";
    }

    private static (bool Exact, bool Close) Agree(string? predicted, string gold)
    {
        var p = ExtractionMetrics.Tokens(predicted ?? "", true);
        var g = ExtractionMetrics.Tokens(gold, true);
        var exact = p.Count > 0 && p.SequenceEqual(g);
        var shorter = p.Count <= g.Count ? p : g;
        var longer = p.Count <= g.Count ? g : p;
        var close = exact || (shorter.Count >= 5 && longer.Take(shorter.Count).SequenceEqual(shorter));
        return (exact, close);
    }
}

using Storyline.Extraction;
using Storyline.Extraction.PlainText;
using Storyline.Reading;

namespace Storyline.Bench.PlainText;

/// <summary>A page's lines as the cleaner sees them (title block taken out), with features and gold labels.</summary>
internal sealed record LineExamples(DumpPage Page, double[][] Features, bool[] Labels, int[] Tokens)
{
    /// <summary>The page's total weight in training (a page of the eval set weighs one).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Splits the dump exactly as plain-text extraction does, then labels the lines against the gold.</summary>
    public static LineExamples Of(DumpPage page)
    {
        var blocks = TextBoilerplate.Blocks(page.Dump);
        var title = ArticleExtractor.TakeTitle(new RawDocument { Source = page.Id, Format = DocumentFormat.PlainText, Content = page.Dump }, blocks);
        var lines = blocks.SelectMany(b => b).ToList();
        var features = LineFeatures.Compute(blocks, title);
        var tokens = lines.Select(l => ExtractionEval.ExtractionMetrics.Tokens(l, false).Count).ToArray();
        return new LineExamples(page, features, LineLabels.Of(lines, page.Truth), tokens);
    }

    /// <summary>
    /// The page's gold text alone, one paragraph a block, every line body: a dump that is already clean.
    /// Training on these too teaches the model that a line is not chrome merely for being first or last.
    /// </summary>
    /// <summary>Clean documents are the rarer input: weighed fully, they teach the model to keep related-article teasers.</summary>
    public static double CleanWeight { get; set; } = 0.1;

    public static LineExamples CleanOf(DumpPage page)
    {
        var clean = page with { Dump = Cleaned(page.Truth) };
        var example = Of(clean);
        return example with { Labels = [.. example.Labels.Select(_ => true)], Weight = CleanWeight };
    }

    /// <summary>Gold text as a clean plain-text document: its lines as paragraphs separated by blank lines.</summary>
    public static string Cleaned(string truth) => string.Join("\n\n", truth.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static List<LineExamples> Of(IReadOnlyList<DumpPage> pages)
    {
        var examples = new LineExamples[pages.Count];
        Parallel.For(0, pages.Count, i => examples[i] = Of(pages[i]));
        return [.. examples];
    }
}

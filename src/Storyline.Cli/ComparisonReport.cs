using System.Globalization;
using Storyline.Analysis.Entities;
using Storyline.Comparison;

namespace Storyline.Cli;

/// <summary>
/// The terminal report of <c>storyline compare</c>: articles, timeline, shared passages, what each article alone
/// tells, quotes with their word diffs (<c>-</c> removed, <c>+</c> added, coloured only on a terminal), sources and
/// names. All document text goes through <see cref="TerminalText.Safe"/>.
/// </summary>
internal sealed class ComparisonReport(TextWriter output, bool colour)
{
    private const int MaxPassageCharacters = 240;

    public void Write(StoryComparison comparison)
    {
        output.WriteLine($"Story {comparison.StoryId}: {TerminalText.Safe(comparison.Title)}");
        if (comparison.Articles.Count < 2)
        {
            var only = comparison.Articles.Count == 1 ? comparison.Articles[0] : null;
            output.WriteLine(only is null
                ? "No articles: nothing to compare."
                : $"One article ({TerminalText.Safe(only.Id)}, {Outlet(only.Outlet)}): nothing to compare.");
            return;
        }

        WriteArticles(comparison);
        WriteTimeline(comparison);
        WritePassages(comparison);
        WriteUnique(comparison);
        WriteQuotes(comparison);
        WriteSources(comparison);
        WriteEntities(comparison);
    }

    private void WriteArticles(StoryComparison comparison)
    {
        Heading($"Articles ({comparison.Articles.Count})");
        foreach (var article in comparison.Articles)
        {
            var missing = article.Missing.Count == 0 ? string.Empty : $", leaves out {Count(article.Missing.Count, "core passage")} (#{string.Join(", #", article.Missing)})";
            output.WriteLine($"  {TerminalText.Safe(article.Id)}  {Outlet(article.Outlet)}  {TerminalText.Safe(article.Published ?? "undated")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      {article.Words} words, {article.Shared:0%} shared with other articles, {Count(article.Unique.Count, "passage")} of its own{missing}"));
        }
    }

    private void WriteTimeline(StoryComparison comparison)
    {
        Heading("Timeline");
        foreach (var entry in comparison.Timeline)
        {
            var notes = new List<string>();
            if (entry.First)
            {
                notes.Add(comparison.Timeline.Count(t => t.First) > 1 ? "first (not ordered against the others marked first at the precision given)" : "first");
            }

            if (entry.CopyOf is { } original)
            {
                notes.Add($"copy of {TerminalText.Safe(original)}");
            }

            if (entry.Origin is { } origin)
            {
                notes.Add($"first published by {TerminalText.Safe(origin)}");
            }

            var suffix = notes.Count == 0 ? string.Empty : "  — " + string.Join("; ", notes);
            output.WriteLine($"  {TerminalText.Safe(entry.Published ?? "undated"),-20}  {TerminalText.Safe(entry.Id)}  {Outlet(entry.Outlet)}{suffix}");
        }
    }

    private void WritePassages(StoryComparison comparison)
    {
        Heading($"Reported by more than one article ({comparison.Passages.Count})");
        for (var i = 0; i < comparison.Passages.Count; i++)
        {
            var passage = comparison.Passages[i];
            output.WriteLine($"  #{i}  {passage.Articles.Count} articles");
            foreach (var occurrence in passage.Articles)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"      {TerminalText.Safe(occurrence.Id)} ({occurrence.Similarity:0.00}): {Short(occurrence.Span.Text)}"));
            }
        }
    }

    private void WriteUnique(StoryComparison comparison)
    {
        foreach (var article in comparison.Articles.Where(a => a.Unique.Count > 0))
        {
            Heading($"Only in {TerminalText.Safe(article.Id)} ({Outlet(article.Outlet)})");
            foreach (var span in article.Unique)
            {
                output.WriteLine($"  · {Short(span.Text)}");
            }
        }
    }

    private void WriteQuotes(StoryComparison comparison)
    {
        if (comparison.Quotes.Count == 0)
        {
            return;
        }

        Heading($"Quotes ({comparison.Quotes.Count})");
        foreach (var quote in comparison.Quotes)
        {
            var speaker = TerminalText.Safe(quote.Speaker ?? "(unattributed)");
            var flag = quote.SpeakersDisagree ? "  [articles name different speakers]" : string.Empty;
            output.WriteLine($"  {speaker} — {string.Join(", ", quote.Articles.Select(TerminalText.Safe))}{flag}");
            if (quote.Variants.Count == 1)
            {
                output.WriteLine($"      \"{TerminalText.Safe(quote.Variants[0].Text)}\"");
                continue;
            }

            output.WriteLine($"      {quote.Variants.Count} wordings; {TerminalText.Safe(string.Join(", ", quote.Variants[0].Articles))} → {TerminalText.Safe(string.Join(", ", quote.Variants[1].Articles))}:");
            foreach (var segment in quote.Diff)
            {
                var line = $"      {ComparisonJson.Symbol(segment.Op)} {TerminalText.Safe(segment.Text)}";
                output.WriteLine(!colour || segment.Op == DiffOp.Same ? line : $"\u001b[{(segment.Op == DiffOp.Removed ? 31 : 32)}m{line}\u001b[0m");
            }
        }
    }

    private void WriteSources(StoryComparison comparison)
    {
        if (comparison.Sources.Count == 0)
        {
            return;
        }

        Heading("Sources cited");
        foreach (var source in comparison.Sources)
        {
            output.WriteLine($"  {TerminalText.Safe(source.Name)}: {string.Join(", ", source.Articles.Select(TerminalText.Safe))}");
        }
    }

    private void WriteEntities(StoryComparison comparison)
    {
        foreach (var (type, heading) in new[] { (EntityType.Person, "People"), (EntityType.Organization, "Organisations"), (EntityType.Location, "Places") })
        {
            var names = comparison.Entities.Where(e => e.Type == type).Take(15).ToList();
            if (names.Count > 0)
            {
                Heading(heading);
                output.WriteLine("  " + string.Join(", ", names.Select(n => $"{TerminalText.Safe(n.Name)} ({n.Articles.Count})")));
            }
        }
    }

    private void Heading(string text)
    {
        output.WriteLine();
        output.WriteLine(colour ? $"\u001b[1m{text}\u001b[0m" : text);
    }

    private static string Short(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return TerminalText.Safe(flat.Length <= MaxPassageCharacters ? flat : string.Concat(flat.AsSpan(0, MaxPassageCharacters - 1), "…"));
    }

    private static string Outlet(string? outlet) => TerminalText.Safe(outlet ?? "(unknown outlet)");

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

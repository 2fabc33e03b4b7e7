using Storyline.Storage;

namespace Storyline.Web.Rendering;

/// <summary>
/// An article's clean text as paragraphs with its quotes and named entities marked. Marks nest: quotes (which do not
/// overlap each other) hold names; a name crossing a quote's edge, or overlapping another name, is left unmarked. A quote
/// running over a paragraph break is marked in each paragraph. Offsets outside the text are ignored.
/// </summary>
internal static class MarkedText
{
    private sealed record Mark(int Start, int End, QuoteSpan? Quote, NameMention? Name);

    public static void Write(Html html, string text, IReadOnlyList<QuoteSpan> quotes, IReadOnlyList<NameMention> names)
    {
        var quoteMarks = NonOverlapping(quotes.Where(q => q.Start >= 0 && q.End <= text.Length && q.Start < q.End)
            .Select(q => new Mark(q.Start, q.End, q, null)));
        var nameMarks = NonOverlapping(names.Where(n => n.Start >= 0 && n.End <= text.Length && n.Start < n.End)
            .Select(n => new Mark(n.Start, n.End, null, n)))
            .Where(n => !quoteMarks.Any(q => n.Start < q.End && q.Start < n.End && (n.Start < q.Start || n.End > q.End)))
            .ToList();
        foreach (var (start, end) in Paragraphs(text))
        {
            html.Raw("<p>");
            var inParagraph = quoteMarks.Where(q => q.Start < end && q.End > start)
                .Select(q => q with { Start = Math.Max(q.Start, start), End = Math.Min(q.End, end) })
                .Concat(nameMarks.Where(n => n.Start >= start && n.End <= end && !quoteMarks.Any(q => q.Start <= n.Start && n.End <= q.End)))
                .OrderBy(m => m.Start)
                .ToList();
            Range(html, text, start, end, inParagraph, nameMarks);
            html.Raw("</p>");
        }
    }

    private static void Range(Html html, string text, int start, int end, List<Mark> marks, List<Mark> names)
    {
        var position = start;
        foreach (var mark in marks)
        {
            html.Text(text[position..mark.Start]);
            if (mark.Quote is { } quote)
            {
                html.Raw("<span class=\"quote").Raw(quote.Direct ? " direct\"" : " reported\"");
                if (quote.Speaker is not null)
                {
                    html.Attribute("title", "— " + quote.Speaker);
                }

                html.Raw(">");
                var inside = names.Where(n => n.Start >= mark.Start && n.End <= mark.End).OrderBy(n => n.Start).ToList();
                Range(html, text, mark.Start, mark.End, inside, []);
                html.Raw("</span>");
            }
            else
            {
                Name(html, text[mark.Start..mark.End], mark.Name!);
            }

            position = mark.End;
        }

        html.Text(text[position..end]);
    }

    private static void Name(Html html, string surface, NameMention name)
    {
        var kind = name.Type.ToLowerInvariant();
        if (name.Type == "PER")
        {
            html.Raw("<a class=\"name per\"").Attribute("href", Pages.Links.Person(name.Canonical)).Raw(">").Text(surface).Raw("</a>");
        }
        else
        {
            html.Raw("<span").Attribute("class", "name " + kind).Attribute("title", name.Canonical).Raw(">").Text(surface).Raw("</span>");
        }
    }

    private static List<Mark> NonOverlapping(IEnumerable<Mark> marks)
    {
        var kept = new List<Mark>();
        foreach (var mark in marks.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (kept.Count == 0 || mark.Start >= kept[^1].End)
            {
                kept.Add(mark);
            }
        }

        return kept;
    }

    /// <summary>Paragraph ranges: text between blank lines (a single line break stays inside a paragraph).</summary>
    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var gap = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            var end = gap < 0 ? text.Length : gap;
            if (end > start)
            {
                yield return (start, end);
            }

            start = end + 2;
            while (start < text.Length && text[start] == '\n')
            {
                start++;
            }
        }
    }
}

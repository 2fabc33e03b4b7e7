using System.Globalization;
using Storyline.Comparison;
using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>
/// The story page's coverage comparison: what all outlets report, what each tells alone, quote variants with their
/// word diff, and the copy chains (the timeline with its first publisher is the article list above it).
/// </summary>
internal static class ComparisonSection
{
    private const int PassagesShown = 8;
    private const int UniqueShown = 3;
    private const int Excerpt = 320;

    public static void Write(Html html, StorySummary story, StoryComparison comparison)
    {
        var outlets = story.Articles.GroupBy(a => a.ExternalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Outlet ?? Shorten(g.First().Title ?? g.Key, 40), StringComparer.Ordinal);
        string Who(string id) => outlets.TryGetValue(id, out var name) ? name : id;
        html.Raw("<section class=\"compare\">");
        Shared(html, comparison, Who);
        Alone(html, comparison, Who);
        Variants(html, comparison, Who);
        CopyChains(html, comparison, Who);
        html.Raw("</section>");
    }

    private static void Shared(Html html, StoryComparison comparison, Func<string, string> who)
    {
        if (comparison.Passages.Count == 0)
        {
            return;
        }

        html.Raw("<h2>What they all report</h2><ul class=\"shared\">");
        foreach (var passage in comparison.Passages.Take(PassagesShown))
        {
            var articles = passage.Articles.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToList();
            html.Raw("<li>").Text(Shorten(passage.Articles[0].Span.Text, Excerpt)).Raw(" <small>— ").Number(articles.Count).Raw(" articles: ")
                .Text(string.Join(", ", articles.Select(who).Distinct(StringComparer.Ordinal))).Raw("</small></li>");
        }

        html.Raw("</ul>");
    }

    private static void Alone(Html html, StoryComparison comparison, Func<string, string> who)
    {
        var telling = comparison.Articles.Where(a => a.Unique.Count > 0 || a.Missing.Count > 0).ToList();
        if (telling.Count == 0 || comparison.Articles.Count < 2)
        {
            return;
        }

        html.Raw("<h2>What each tells alone</h2><dl class=\"alone\">");
        foreach (var article in telling)
        {
            html.Raw("<dt>").Text(who(article.Id)).Raw(" <small>").Text(string.Create(CultureInfo.InvariantCulture, $"{Math.Round(article.Shared * 100)}%"))
                .Raw(" shared").Raw(article.Missing.Count > 0 ? $", leaves out {article.Missing.Count} core passage{(article.Missing.Count == 1 ? string.Empty : "s")}" : string.Empty)
                .Raw("</small></dt>");
            foreach (var unique in article.Unique.Take(UniqueShown))
            {
                html.Raw("<dd>").Text(Shorten(unique.Text, Excerpt)).Raw("</dd>");
            }
        }

        html.Raw("</dl>");
    }

    private static void Variants(Html html, StoryComparison comparison, Func<string, string> who)
    {
        var varied = comparison.Quotes.Where(q => q.Variants.Count > 1 || q.SpeakersDisagree).ToList();
        if (varied.Count == 0)
        {
            return;
        }

        html.Raw("<h2>Quote variants</h2><ul class=\"variants\">");
        foreach (var quote in varied)
        {
            html.Raw("<li>");
            if (quote.Speaker is not null)
            {
                html.Link(Links.Person(quote.Speaker), quote.Speaker).Raw(": ");
            }

            html.Raw("<span class=\"diff\">");
            foreach (var segment in quote.Diff)
            {
                var tag = segment.Op switch { DiffOp.Removed => "del", DiffOp.Added => "ins", _ => null };
                html.Raw(tag is null ? string.Empty : $"<{tag}>").Text(segment.Text).Raw(tag is null ? " " : $"</{tag}> ");
            }

            html.Raw("</span><br><small>");
            for (var i = 0; i < quote.Variants.Count; i++)
            {
                html.Raw(i == 0 ? string.Empty : "; ").Raw(i == 0 ? "first wording: " : i == 1 ? "second: " : "also: ")
                    .Text(string.Join(", ", quote.Variants[i].Articles.Select(who).Distinct(StringComparer.Ordinal)));
            }

            html.Raw(quote.SpeakersDisagree ? " · <strong>articles name different speakers</strong>" : string.Empty).Raw("</small></li>");
        }

        html.Raw("</ul>");
    }

    private static void CopyChains(Html html, StoryComparison comparison, Func<string, string> who)
    {
        var copies = comparison.Timeline.Where(t => t.CopyOf is not null || t.Origin is not null).ToList();
        if (copies.Count == 0)
        {
            return;
        }

        html.Raw("<h2>Copies and syndication</h2><ul class=\"copies\">");
        foreach (var entry in copies)
        {
            html.Raw("<li>").Text(who(entry.Id));
            if (entry.CopyOf is not null)
            {
                html.Raw(" copies ").Text(who(entry.CopyOf));
            }

            if (entry.Origin is not null)
            {
                html.Raw(entry.CopyOf is null ? " " : "; ").Raw("first published by ").Text(entry.Origin);
            }

            html.Raw("</li>");
        }

        html.Raw("</ul>");
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1).TrimEnd(), "…");
}

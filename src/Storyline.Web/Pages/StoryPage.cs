using Storyline.Analysis.Entities;
using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>
/// <c>/stories/{id}</c>: the story's articles in time order (first publisher, copies, syndication origins), the coverage
/// comparison when it is available, the quotes by speaker, the sources each outlet cites, and the names.
/// </summary>
internal static class StoryPage
{
    public static string Render(StorySummary story, StoryDetails details, Comparison.StoryComparison? comparison, Viewer viewer) =>
        Layout.Page(story.Title ?? "Story " + story.Id, viewer, html =>
        {
            var outlets = story.Articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            html.Raw("<article class=\"story-page\"><h1>").Text(story.Title ?? "(untitled)").Raw("</h1>")
                .Raw("<p class=\"meta\">").Element("time", Dates.Span(story.FirstSeen, story.LastUpdated)).Raw(" · ")
                .Number(story.Articles.Count).Raw(story.Articles.Count == 1 ? " article " : " articles ");
            if (outlets > 0)
            {
                html.Raw("· ").Number(outlets).Raw(outlets == 1 ? " outlet " : " outlets ");
            }

            TimeBar.Write(html, story.Articles);
            html.Raw(" · <a href=\"/api/stories/").Number(story.Id).Raw("\">JSON</a></p>");
            Articles(html, story);
            if (comparison is not null)
            {
                ComparisonSection.Write(html, story, comparison);
            }

            Quotes(html, story, details);
            Sources(html, details.SourcesByOutlet);
            Names(html, details.Entities);
            html.Raw("</article>");
        });

    private static void Articles(Html html, StorySummary story)
    {
        html.Raw("<section class=\"articles\"><h2>Articles</h2><ol class=\"timeline\">");
        var first = story.Articles.FirstOrDefault(a => a.Published is not null);
        foreach (var article in story.Articles)
        {
            html.Raw("<li data-item>").Element("time", article.Published is null ? "undated" : Dates.Day(article.Published)).Raw(" ");
            Links.OutletLink(html, article.Outlet);
            html.Raw(" ").Link(Links.Article(article), article.Title ?? article.ExternalId, "open");
            if (ReferenceEquals(article, first))
            {
                html.Raw(" <span class=\"tag first\">first published</span>");
            }

            if (article.CopyOf is not null)
            {
                var original = story.Articles.FirstOrDefault(a => a.Id == article.CopyOfId);
                html.Raw(" <span class=\"tag copy\">copy of ").Text(original?.Outlet ?? article.CopyOf).Raw("</span>");
            }

            if (article.SyndicationOrigin is not null)
            {
                html.Raw(" <span class=\"tag origin\">first published by ").Text(article.SyndicationOrigin).Raw("</span>");
            }

            foreach (var (outlet, url, _) in article.AlsoAt)
            {
                html.Raw(" <span class=\"tag also\">also at ").Text(outlet ?? "unknown outlet").Raw(" ").ExternalLink(url, "↗").Raw("</span>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ol></section>");
    }

    /// <summary>The quotes of the people the story names (a speaker resolved to anything else is left out), by speaker.</summary>
    private static void Quotes(Html html, StorySummary story, StoryDetails details)
    {
        var people = details.Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var speakers = details.Quotes.Where(q => q.Speaker is not null && people.Contains(q.Speaker))
            .GroupBy(q => q.Speaker!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToList();
        if (speakers.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"quotes\"><h2>Quotes</h2>");
        foreach (var speaker in speakers)
        {
            html.Raw("<h3>").Link(Links.Person(speaker.Key), speaker.Key).Raw("</h3><ul>");
            foreach (var quote in speaker.OrderByDescending(q => q.Direct).Take(12))
            {
                html.Raw("<li>").Raw(quote.Direct ? "<q>" : "<span class=\"reported\">").Text(Unquoted(quote.Text)).Raw(quote.Direct ? "</q> " : "</span> ")
                    .Raw(quote.Direct ? string.Empty : "<span class=\"tag\">reported</span> ")
                    .Raw("— ").Link(Links.Article(quote.ArticleId, quote.Outlet), Attribution(story, quote)).Raw("</li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("</section>");
    }

    /// <summary>The quoted words without the quotation marks around them (the page adds its own).</summary>
    internal static string Unquoted(string text) => text.Trim().Trim('"', '“', '”', '„', '«', '»').Trim();

    /// <summary>Where a quote is from: its article's outlet, else the article's title, shortened.</summary>
    private static string Attribution(StorySummary story, StoryQuote quote)
    {
        if (quote.Outlet is not null)
        {
            return quote.Outlet;
        }

        var title = story.Articles.FirstOrDefault(a => a.ExternalId == quote.ArticleId)?.Title ?? quote.ArticleId;
        return title.Length <= 60 ? title : string.Concat(title.AsSpan(0, 57), "…");
    }

    private static void Sources(Html html, IReadOnlyList<(string? Outlet, IReadOnlyList<string> Sources)> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"sources\"><h2>Sources per outlet</h2><dl>");
        foreach (var (outlet, cited) in sources)
        {
            html.Raw("<dt>");
            Links.OutletLink(html, outlet);
            html.Raw("</dt><dd>").Text(string.Join(", ", cited)).Raw("</dd>");
        }

        html.Raw("</dl></section>");
    }

    private static void Names(Html html, IReadOnlyList<(EntityType Type, string Name, int Articles, int Mentions)> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        html.Raw("<section class=\"names\"><h2>People, organisations and places</h2>");
        foreach (var (type, heading) in new[] { (EntityType.Person, "People"), (EntityType.Organization, "Organisations"), (EntityType.Location, "Places") })
        {
            var named = entities.Where(e => e.Type == type).Take(30).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            html.Raw("<h3>").Text(heading).Raw("</h3><ul class=\"chips\">");
            foreach (var entity in named)
            {
                html.Raw("<li>");
                if (type == EntityType.Person)
                {
                    html.Link(Links.Person(entity.Name), entity.Name);
                }
                else
                {
                    html.Text(entity.Name);
                }

                html.Raw(" <small>").Number(entity.Articles).Raw("</small></li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("</section>");
    }
}

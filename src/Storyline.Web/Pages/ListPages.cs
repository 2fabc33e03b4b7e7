using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary><c>/search</c>, <c>/outlets/{name}</c>, <c>/people/{name}</c> and the error page.</summary>
internal static class ListPages
{
    public static string Search(string? query, IReadOnlyList<SearchHit>? hits, string? problem, Viewer viewer) =>
        Layout.Page(query is null ? "Search" : "Search: " + query, viewer, html =>
        {
            html.Raw("<h1>Search</h1>");
            if (problem is not null)
            {
                html.Element("p", problem, "problem");
            }

            if (query is null || hits is null)
            {
                html.Raw("<p>Words, <code>\"a phrase\"</code>, <code>AND</code>/<code>OR</code>/<code>NOT</code>, <code>prefix*</code>, <code>title:word</code>.</p>");
                return;
            }

            html.Raw("<p class=\"meta\">").Number(hits.Count).Raw(hits.Count == 1 ? " article" : " articles").Raw(" for ").Element("strong", query).Raw("</p><ol class=\"hits\">");
            foreach (var hit in hits)
            {
                html.Raw("<li data-item><h2>").Link(Links.Article(hit.Article), hit.Article.Title ?? hit.Article.ExternalId, "open").Raw("</h2><p class=\"meta\">");
                Links.OutletLink(html, hit.Article.Outlet);
                html.Raw(" · ").Element("time", Dates.Day(hit.Article.Published));
                if (hit.StoryId is { } story)
                {
                    html.Raw(" · ").Link(Links.Story(story), "story");
                }

                html.Raw("</p><p class=\"snippet\">");
                Snippet(html, hit.Snippet);
                html.Raw("</p></li>");
            }

            html.Raw("</ol>");
        }, query);

    /// <summary>The snippet with its [bracketed] matches as &lt;mark&gt; (the text between is encoded).</summary>
    private static void Snippet(Html html, string snippet)
    {
        var position = 0;
        while (position < snippet.Length)
        {
            var open = snippet.IndexOf('[', position);
            var close = open < 0 ? -1 : snippet.IndexOf(']', open + 1);
            if (open < 0 || close < 0)
            {
                html.Text(snippet[position..]);
                return;
            }

            html.Text(snippet[position..open]).Raw("<mark>").Text(snippet[(open + 1)..close]).Raw("</mark>");
            position = close + 1;
        }
    }

    public static string Outlet(OutletProfile outlet, Viewer viewer) =>
        Layout.Page(outlet.Name, viewer, html =>
        {
            html.Raw("<h1>").Text(outlet.Name).Raw("</h1><p class=\"meta\">").Number(outlet.ArticleCount).Raw(" articles · ")
                .Link("/?outlet=" + Html.Escape(outlet.Name), "its stories").Raw("</p>");
            if (outlet.SharedWith.Count > 0)
            {
                html.Raw("<section><h2>Shares most stories with</h2><ul class=\"chips\">");
                foreach (var (other, stories) in outlet.SharedWith)
                {
                    html.Raw("<li>").Link(Links.Outlet(other), other).Raw(" <small>").Number(stories).Raw("</small></li>");
                }

                html.Raw("</ul></section>");
            }

            if (outlet.Sources.Count > 0)
            {
                html.Raw("<section><h2>Sources it cites</h2><ul class=\"chips\">");
                foreach (var (source, count) in outlet.Sources)
                {
                    html.Raw("<li>").Text(source).Raw(" <small>").Number(count).Raw("</small></li>");
                }

                html.Raw("</ul></section>");
            }

            html.Raw("<section><h2>Newest articles</h2><ol class=\"timeline\">");
            foreach (var (article, story) in outlet.Articles)
            {
                html.Raw("<li data-item>").Element("time", Dates.Day(article.Published)).Raw(" ").Link(Links.Article(article), article.Title ?? article.ExternalId, "open");
                if (story is { } id)
                {
                    html.Raw(" · ").Link(Links.Story(id), "story");
                }

                html.Raw("</li>");
            }

            html.Raw("</ol></section>");
        });

    public static string Person(PersonProfile person, Func<long, IReadOnlyList<string>> mainPeople, Viewer viewer) =>
        Layout.Page(person.Name, viewer, html =>
        {
            html.Raw("<h1>").Text(person.Name).Raw("</h1>");
            if (person.Quotes.Count > 0)
            {
                html.Raw("<section class=\"quotes\"><h2>Quotes</h2><ul>");
                foreach (var quote in person.Quotes)
                {
                    html.Raw("<li><q>").Text(StoryPage.Unquoted(quote.Text)).Raw("</q> — ").Link(Links.Article(quote.ArticleId, quote.Outlet), quote.Outlet ?? quote.ArticleId).Raw("</li>");
                }

                html.Raw("</ul></section>");
            }

            html.Raw("<section><h2>Stories</h2>");
            StoryList.Write(html, person.Stories, mainPeople);
            html.Raw("</section>");
        });

    public static string Error(int status, string title, string detail, Viewer viewer) =>
        Layout.Page(title, viewer, html => html.Raw("<h1>").Text(title).Raw("</h1>").Element("p", detail).Raw("<p><a href=\"/\">Back to the stories</a></p>"));
}

using System.Text;
using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>The front page's filters, as given in its query string.</summary>
/// <param name="Page">Page number, from 1.</param>
/// <param name="Outlet">Only stories with an article of this outlet.</param>
/// <param name="Person">Only stories naming this person.</param>
/// <param name="From">Only stories active on or after this date (yyyy-MM-dd).</param>
/// <param name="To">Only stories begun on or before this date (yyyy-MM-dd).</param>
internal sealed record FrontFilter(int Page, string? Outlet, string? Person, string? From, string? To)
{
    public const int PageSize = 30;

    public static FrontFilter Of(HttpRequest request)
    {
        var page = int.TryParse(request.Query["page"], out var p) && p is >= 1 and <= 100_000 ? p : 1;
        return new FrontFilter(page, NonEmpty(request.Query["outlet"]), NonEmpty(request.Query["person"]),
            Dates.FilterDate(request.Query["from"]), Dates.FilterDate(request.Query["to"]));
    }

    public StoryQuery ToQuery() => new(PageSize + 1, (Page - 1) * PageSize, Outlet: Outlet, Person: Person, From: From, To: To);

    /// <summary>The query string of this filter at another page.</summary>
    public string AtPage(int page)
    {
        var query = new StringBuilder("?page=").Append(page);
        foreach (var (name, value) in new[] { ("outlet", Outlet), ("person", Person), ("from", From), ("to", To) })
        {
            if (value is not null)
            {
                query.Append('&').Append(name).Append('=').Append(Html.Escape(value));
            }
        }

        return query.ToString();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary><c>/</c>: stories by latest activity, filtered and paged.</summary>
internal static class FrontPage
{
    public static string Render(FrontFilter filter, IReadOnlyList<StorySummary> stories, Func<long, IReadOnlyList<string>> mainPeople, Viewer viewer) =>
        Layout.Page("Stories", viewer, html =>
        {
            html.Raw("<h1>Stories</h1>");
            Filters(html, filter);
            var shown = stories.Take(FrontFilter.PageSize).ToList();
            if (shown.Count == 0)
            {
                html.Raw("<p class=\"empty\">No stories").Raw(filter.Page > 1 ? " on this page" : " yet: ingest some articles with <code>storyline ingest</code>").Raw(".</p>");
            }

            StoryList.Write(html, shown, mainPeople);
            html.Raw("<nav class=\"pages\">");
            if (filter.Page > 1)
            {
                html.Link(filter.AtPage(filter.Page - 1), "← Newer", "prev");
            }

            if (stories.Count > FrontFilter.PageSize)
            {
                html.Raw(" ").Link(filter.AtPage(filter.Page + 1), "Older →", "next");
            }

            html.Raw("</nav>");
        });

    private static void Filters(Html html, FrontFilter filter)
    {
        html.Raw("<form class=\"filters\" method=\"get\" action=\"/\">")
            .Raw("<label>Outlet <input name=\"outlet\"").Attribute("value", filter.Outlet).Raw("></label>")
            .Raw("<label>Person <input name=\"person\"").Attribute("value", filter.Person).Raw("></label>")
            .Raw("<label>From <input name=\"from\" type=\"date\"").Attribute("value", filter.From).Raw("></label>")
            .Raw("<label>To <input name=\"to\" type=\"date\"").Attribute("value", filter.To).Raw("></label>")
            .Raw("<button type=\"submit\">Filter</button></form>");
    }
}

using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>Stories as a list: title, time span, outlets, the time bar, main people. Each item is a j/k stop.</summary>
internal static class StoryList
{
    private const int OutletsShown = 5;

    public static void Write(Html html, IReadOnlyList<StorySummary> stories, Func<long, IReadOnlyList<string>> mainPeople)
    {
        html.Raw("<ol class=\"stories\">");
        foreach (var story in stories)
        {
            html.Raw("<li class=\"story\" data-item>");
            html.Raw("<h2>").Link("/stories/" + story.Id, story.Title ?? "(untitled)", "open").Raw("</h2>");
            html.Raw("<p class=\"meta\">").Element("time", Dates.Span(story.FirstSeen, story.LastUpdated)).Raw(" · ")
                .Number(story.Articles.Count).Raw(story.Articles.Count == 1 ? " article" : " articles").Raw(" ");
            TimeBar.Write(html, story.Articles);
            html.Raw("</p>");
            Outlets(html, story.Articles);
            var people = mainPeople(story.Id);
            if (people.Count > 0)
            {
                html.Raw("<p class=\"people\">");
                for (var i = 0; i < people.Count; i++)
                {
                    html.Raw(i == 0 ? string.Empty : ", ").Link("/people/" + Html.Escape(people[i]), people[i]);
                }

                html.Raw("</p>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ol>");
    }

    private static void Outlets(Html html, IReadOnlyList<StoredArticle> articles)
    {
        var outlets = articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (outlets.Count == 0)
        {
            return;
        }

        html.Raw("<p class=\"outlets\">");
        foreach (var outlet in outlets.Take(OutletsShown))
        {
            html.Link("/outlets/" + Html.Escape(outlet), outlet, "outlet").Raw(" ");
        }

        if (outlets.Count > OutletsShown)
        {
            html.Raw("<span class=\"more\">+").Number(outlets.Count - OutletsShown).Raw(" more</span>");
        }

        html.Raw("</p>");
    }
}

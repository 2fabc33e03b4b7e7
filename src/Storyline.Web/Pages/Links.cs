using Storyline.Storage;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>Paths of this site's pages, each part escaped.</summary>
internal static class Links
{
    /// <summary>An article's page: its external id, with its outlet (ids are unique per outlet).</summary>
    public static string Article(string externalId, string? outlet) =>
        "/articles/" + Html.Escape(externalId) + (outlet is null ? string.Empty : "?outlet=" + Html.Escape(outlet));

    public static string Article(StoredArticle article) => Article(article.ExternalId, article.Outlet);

    public static string Outlet(string outlet) => "/outlets/" + Html.Escape(outlet);

    public static string Person(string name) => "/people/" + Html.Escape(name);

    public static string Story(long id) => "/stories/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The outlet as a link to its page, or "unknown outlet".</summary>
    public static void OutletLink(Html html, string? outlet)
    {
        if (outlet is null)
        {
            html.Raw("<span class=\"outlet\">unknown outlet</span>");
        }
        else
        {
            html.Link(Outlet(outlet), outlet, "outlet");
        }
    }
}

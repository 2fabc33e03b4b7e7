using Storyline.Storage;
using Storyline.Storage.Portal;
using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>The portal's side of an article page: its views and reactions, and the post it was written as.</summary>
/// <param name="Views">Views counted.</param>
/// <param name="Reactions">Each reaction's count.</param>
/// <param name="Mine">This browser's reaction, or null.</param>
/// <param name="PostHtml">A contributor's post rendered from its Markdown (raw HTML disabled), or null.</param>
/// <param name="EditablePost">The post's id when the viewer may edit or remove it.</param>
internal sealed record ArticlePortal(long Views, IReadOnlyDictionary<string, long> Reactions, string? Mine, string? PostHtml, long? EditablePost);

/// <summary>
/// <c>/articles/{id}</c>: the clean text with quotes and names marked, outlet, time, authors, the link to the original
/// (http(s) only), its story, the origin credit ("first published by PGurus"), views and "What's Your Reaction?".
/// </summary>
internal static class ArticlePage
{
    public static string Render(ArticleDetail detail, ArticlePortal portal, Viewer viewer)
    {
        var article = detail.Article;
        return Layout.Page(article.Title ?? article.ExternalId, viewer, html =>
        {
            html.Raw("<article class=\"article-page\"><h1>").Text(article.Title ?? article.ExternalId).Raw("</h1><p class=\"meta\">");
            Links.OutletLink(html, article.Outlet);
            html.Raw(" · ").Element("time", article.Published ?? "undated");
            if (detail.Authors.Count > 0)
            {
                html.Raw(" · by ").Text(string.Join(", ", detail.Authors));
            }

            html.Raw(" · <span class=\"views\" id=\"views\">").Number(portal.Views).Raw(portal.Views == 1 ? " view" : " views").Raw("</span></p>");
            Provenance(html, detail);
            html.Raw("<div class=\"text\">");
            if (portal.PostHtml is not null)
            {
                html.Raw(portal.PostHtml);
            }
            else
            {
                MarkedText.Write(html, detail.Text, detail.Quotes, detail.Names);
            }

            html.Raw("</div>");
            if (detail.Sources.Count > 0)
            {
                html.Raw("<p class=\"cited\">Cites: ").Text(string.Join(", ", detail.Sources)).Raw("</p>");
            }

            ReactionForm(html, detail, portal, viewer);
            if (portal.EditablePost is { } post && viewer.FormToken is { } token)
            {
                html.Raw("<p class=\"post-actions\"><a href=\"/posts/").Number(post).Raw("/edit\">Edit</a> ")
                    .Raw("<form class=\"inline\" method=\"post\" action=\"/posts/").Number(post).Raw("/remove\">");
                Layout.Token(html, token);
                html.Raw("<button type=\"submit\">Remove</button></form></p>");
            }

            html.Raw("</article>");
        });
    }

    private static void Provenance(Html html, ArticleDetail detail)
    {
        var article = detail.Article;
        html.Raw("<p class=\"provenance\">");
        if (detail.StoryId is { } story)
        {
            html.Link(Links.Story(story), "Its story", "story-link").Raw(" · ");
        }

        if (Html.SafeUrl(article.Url) is not null)
        {
            html.ExternalLink(article.Url, "Original").Raw(" · ");
        }
        else if (article.Url is not null)
        {
            html.Raw("Original: ").Element("span", article.Url, "url").Raw(" · ");
        }

        if (article.SyndicationOrigin is not null)
        {
            html.Raw("<span class=\"origin\">first published by ").Text(article.SyndicationOrigin).Raw("</span> · ");
        }

        if (article.CopyOf is not null)
        {
            html.Raw("<span class=\"copy\">a copy of ").Link(Links.Article(article.CopyOf, null), article.CopyOf).Raw("</span>");
        }

        html.Raw("</p>");
    }

    private static void ReactionForm(Html html, ArticleDetail detail, ArticlePortal portal, Viewer viewer)
    {
        var article = detail.Article;
        html.Raw("<section class=\"reactions\"><h2>What's Your Reaction?</h2><form method=\"post\"")
            .Attribute("action", "/articles/" + Html.Escape(article.ExternalId) + "/react" + (article.Outlet is null ? string.Empty : "?outlet=" + Html.Escape(article.Outlet)))
            .Attribute("data-api", "/api/articles/" + Html.Escape(article.ExternalId) + "/reactions" + (article.Outlet is null ? string.Empty : "?outlet=" + Html.Escape(article.Outlet)))
            .Raw(">");
        if (viewer.FormToken is { } token)
        {
            Layout.Token(html, token);
        }

        foreach (var reaction in Reactions.All)
        {
            html.Raw("<button type=\"submit\" name=\"reaction\"").Attribute("value", reaction)
                .Raw(reaction == portal.Mine ? " class=\"mine\" aria-pressed=\"true\"" : " aria-pressed=\"false\"").Raw(">")
                .Text(reaction).Raw(" <span class=\"count\"").Attribute("data-reaction", reaction).Raw(">")
                .Number(portal.Reactions.TryGetValue(reaction, out var count) ? count : 0).Raw("</span></button>");
        }

        html.Raw("</form></section>");
    }
}

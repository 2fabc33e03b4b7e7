namespace Storyline.Web.Rendering;

/// <summary>Who is looking at a page: the account signed in (null for a reader) and the antiforgery token for its forms.</summary>
/// <param name="UserName">The signed-in contributor, or null.</param>
/// <param name="FormToken">Field name and value of the antiforgery token, when the page has forms.</param>
internal sealed record Viewer(string? UserName, (string Field, string Value)? FormToken)
{
    /// <summary>A reader who is not signed in, on a page without forms (such pages may be cached and shared).</summary>
    public static Viewer Anonymous { get; } = new(null, null);
}

/// <summary>The page shell: header with search and account links, main content, footer with the keyboard help.</summary>
internal static class Layout
{
    public static string Page(string title, Viewer viewer, Action<Html> body, string? query = null)
    {
        var html = new Html();
        html.Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"color-scheme\" content=\"light dark\">")
            .Raw("<title>").Text(title).Raw(" · Storyline</title>")
            .Raw("<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/static/site.css\">")
            .Raw("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Storyline: newest stories\" href=\"/feed.atom\">")
            .Raw("<script src=\"/static/site.js\" defer></script></head><body>")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Storyline</a>")
            .Raw("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><label class=\"hidden\" for=\"q\">Search</label>")
            .Raw("<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Search (/)\"").Attribute("value", query).Raw("></form>")
            .Raw("<nav class=\"account\">");
        if (viewer.UserName is { } name)
        {
            html.Raw("<a href=\"/write\">Write</a> <span class=\"who\">").Text(name).Raw("</span> ");
            if (viewer.FormToken is { } token)
            {
                html.Raw("<form class=\"inline\" method=\"post\" action=\"/signout\">");
                Token(html, token);
                html.Raw("<button type=\"submit\">Sign out</button></form>");
            }
        }
        else
        {
            html.Raw("<a href=\"/signin\">Sign in</a> <a href=\"/signup\">Sign up</a>");
        }

        html.Raw("</nav></header><main id=\"main\">");
        body(html);
        html.Raw("</main><footer><p>Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>o</kbd> open, <kbd>/</kbd> search, <kbd>?</kbd> help. ")
            .Raw("<a href=\"/feed.atom\">Atom feed</a> · <a href=\"/openapi/v1.json\">API</a></p>")
            .Raw("<section id=\"help\" class=\"help\" hidden><h2>Keyboard shortcuts</h2><dl>")
            .Raw("<dt><kbd>j</kbd></dt><dd>next item</dd><dt><kbd>k</kbd></dt><dd>previous item</dd>")
            .Raw("<dt><kbd>o</kbd></dt><dd>open the selected item</dd><dt><kbd>/</kbd></dt><dd>search</dd><dt><kbd>?</kbd></dt><dd>this help</dd></dl></section>")
            .Raw("</footer></body></html>");
        return html.ToString();
    }

    /// <summary>The hidden antiforgery field of a form.</summary>
    public static void Token(Html html, (string Field, string Value) token) =>
        html.Raw("<input type=\"hidden\"").Attribute("name", token.Field).Attribute("value", token.Value).Raw(">");
}

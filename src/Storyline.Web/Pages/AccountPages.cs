using Storyline.Web.Rendering;

namespace Storyline.Web.Pages;

/// <summary>Sign-up, sign-in and the contributor's post form; every form carries the antiforgery token.</summary>
internal static class AccountPages
{
    public static string SignIn(bool signUp, string? problem, Viewer viewer) =>
        Layout.Page(signUp ? "Sign up" : "Sign in", viewer, html =>
        {
            html.Raw("<h1>").Raw(signUp ? "Open an account" : "Sign in").Raw("</h1>");
            if (signUp)
            {
                html.Raw("<p>Contributors write posts; Storyline groups them into stories with everything else, under their name as outlet.</p>");
            }

            if (problem is not null)
            {
                html.Element("p", problem, "problem");
            }

            html.Raw("<form class=\"account-form\" method=\"post\"").Attribute("action", signUp ? "/signup" : "/signin").Raw(">");
            Layout.Token(html, viewer.FormToken!.Value);
            html.Raw("<label>Name <input name=\"name\" required maxlength=\"64\" autocomplete=\"username\"></label>")
                .Raw("<label>Password <input name=\"password\" type=\"password\" required minlength=\"8\" maxlength=\"256\"")
                .Attribute("autocomplete", signUp ? "new-password" : "current-password").Raw("></label>")
                .Raw("<button type=\"submit\">").Raw(signUp ? "Sign up" : "Sign in").Raw("</button></form>");
        });

    public static string Write(long? postId, string title, string markdown, string? problem, Viewer viewer) =>
        Layout.Page(postId is null ? "Write a post" : "Edit your post", viewer, html =>
        {
            html.Raw("<h1>").Raw(postId is null ? "Write a post" : "Edit your post").Raw("</h1>");
            if (problem is not null)
            {
                html.Element("p", problem, "problem");
            }

            html.Raw("<form class=\"post-form\" method=\"post\"").Attribute("action", postId is { } id ? $"/posts/{id}/edit" : "/write").Raw(">");
            Layout.Token(html, viewer.FormToken!.Value);
            html.Raw("<label>Title <input name=\"title\" required maxlength=\"300\"").Attribute("value", title).Raw("></label>")
                .Raw("<label>Text (Markdown) <textarea name=\"text\" rows=\"16\" required maxlength=\"100000\">").Text(markdown).Raw("</textarea></label>")
                .Raw("<button type=\"submit\">Publish</button></form>");
        });
}

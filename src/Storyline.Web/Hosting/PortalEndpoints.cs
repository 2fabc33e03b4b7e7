using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Storyline.Storage.Portal;
using Storyline.Web.Pages;
using Storyline.Web.Portal;

namespace Storyline.Web.Hosting;

/// <summary>
/// The portal's forms: reactions, sign-up, sign-in, sign-out, and contributors' posts. Every form is checked against
/// its antiforgery token; reactions, sign-in, sign-up and posts are rate-limited per client.
/// </summary>
internal static class PortalEndpoints
{
    public const string ReactionsLimit = "reactions";
    public const string SignInLimit = "sign-in";
    public const string SignUpLimit = "sign-up";
    public const string PostsLimit = "posts";

    public static void MapPortal(this WebApplication app)
    {
        app.MapPost("/articles/{id}/react", ReactAsync).RequireRateLimiting(ReactionsLimit).ExcludeFromDescription();
        app.MapGet("/signup", (HttpContext context) => Form(context, AccountPages.SignIn(true, null, Viewers.For(context, true)))).ExcludeFromDescription();
        app.MapGet("/signin", (HttpContext context) => Form(context, AccountPages.SignIn(false, null, Viewers.For(context, true)))).ExcludeFromDescription();
        app.MapPost("/signup", SignUpAsync).RequireRateLimiting(SignUpLimit).ExcludeFromDescription();
        app.MapPost("/signin", SignInPostAsync).RequireRateLimiting(SignInLimit).ExcludeFromDescription();
        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return BadForm(context);
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/");
        }).ExcludeFromDescription();
        PostEndpoints.Map(app);
    }

    private static IResult Form(HttpContext context, string html, int status = 200)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, CachedResponse.HtmlType, statusCode: status);
    }

    public static IResult BadForm(HttpContext context) =>
        Errors.Page(context, 400, "Form expired", "The form was not sent from this site's page, or it expired: reload the page and try again.");

    private static async Task<IResult> ReactAsync(string id, string? outlet, HttpContext context, IAntiforgery antiforgery, StorePool pool, IReactionStore counts)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return BadForm(context);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var reaction = form["reaction"].ToString();
        if (!Reactions.IsKnown(reaction))
        {
            return Errors.Page(context, 400, "Unknown reaction", "A reaction is one of: " + string.Join(", ", Reactions.All) + ".");
        }

        var detail = pool.Read(store => store.GetArticle(RouteText.Decode(id), outlet));
        if (detail is null)
        {
            return Errors.Page(context, 404, "No such article", "There is no article with this id.");
        }

        counts.React(detail.Article.Id, BrowserIdentity.Of(context), reaction, DateTimeOffset.UtcNow);
        return Results.Redirect(Links.Article(detail.Article) + "#reactions", permanent: false);
    }

    private static async Task<IResult> SignUpAsync(HttpContext context, IAntiforgery antiforgery, IUserStore users, StorePool pool)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return BadForm(context);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var password = form["password"].ToString();
        var problem = AccountRules.CheckName(name) ?? AccountRules.CheckPassword(password)
            ?? (pool.Read(store => store.OutletExists(name)) ? "This name is an outlet's; choose another." : null);
        PortalUser? user = null;
        if (problem is null)
        {
            var hash = new PasswordHasher<PortalUser>().HashPassword(new PortalUser(0, name, null, false), password);
            user = users.AddUser(name, hash, isAdmin: false);
            problem = user is null ? "This name is taken; choose another." : null;
        }

        if (user is null)
        {
            return Form(context, AccountPages.SignIn(true, problem, Viewers.For(context, true)), 400);
        }

        await SignInAsync(context, user).ConfigureAwait(false);
        return Results.Redirect("/write");
    }

    private static async Task<IResult> SignInPostAsync(HttpContext context, IAntiforgery antiforgery, IUserStore users)
    {
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return BadForm(context);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var user = users.FindUser(form["name"].ToString().Trim());
        var password = form["password"].ToString();
        var verified = user?.PasswordHash is { } hash && password.Length <= AccountRules.MaxPassword
            && new PasswordHasher<PortalUser>().VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            return Form(context, AccountPages.SignIn(false, "Name or password is wrong.", Viewers.For(context, true)), 400);
        }

        await SignInAsync(context, user!).ConfigureAwait(false);
        return Results.Redirect("/");
    }

    private static Task SignInAsync(HttpContext context, PortalUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.Name),
        };
        if (user.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, "admin"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    }
}

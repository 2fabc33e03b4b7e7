using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Storyline.Storage.Portal;
using Storyline.Web.Rendering;

namespace Storyline.Web.Hosting;

/// <summary>Who is asking: the signed-in contributor (cookie) and the antiforgery token a page's forms carry.</summary>
internal static class Viewers
{
    public static bool SignedIn(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    /// <summary>The viewer; with <paramref name="forms"/> (or when signed in: the sign-out form) an antiforgery token is issued.</summary>
    public static Viewer For(HttpContext context, bool forms)
    {
        var name = SignedIn(context) ? context.User.Identity!.Name : null;
        if (!forms && name is null)
        {
            return Viewer.Anonymous;
        }

        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new Viewer(name, (tokens.FormFieldName, tokens.RequestToken!));
    }

    /// <summary>The signed-in account, when it still exists.</summary>
    public static PortalUser? User(HttpContext context) =>
        SignedIn(context) && long.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? context.RequestServices.GetRequiredService<IUserStore>().FindUser(id)
            : null;

    /// <summary>
    /// A page that is the same for every reader who is not signed in: rendered once and kept until the stories change;
    /// rendered for each request of a signed-in contributor (their name and sign-out form are in it).
    /// </summary>
    public static IResult Shared(HttpContext context, Func<Viewer, CachedResponse> render, string? extraKey = null)
    {
        if (SignedIn(context))
        {
            return render(For(context, forms: false)).ToResult();
        }

        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var key = context.Request.Path.Value + context.Request.QueryString.Value + extraKey;
        return cache.GetOrAdd(key, () => render(Viewer.Anonymous)).ToResult();
    }
}

using System.Security.Cryptography;

namespace Storyline.Web.Portal;

/// <summary>
/// Which browser a view or reaction comes from: a random id in a cookie (HttpOnly, SameSite=Lax), given on first
/// use. Obvious bots (crawlers, scripts, no User-Agent) are not counted.
/// </summary>
internal static class BrowserIdentity
{
    public const string CookieName = "storyline_browser";

    private static readonly string[] BotMarks =
        ["bot", "crawl", "spider", "slurp", "curl", "wget", "python", "httpclient", "go-http", "java/", "libwww", "scrapy", "headlesschrome-bot", "facebookexternalhit", "preview"];

    /// <summary>The browser's id, set in a cookie when it has none yet.</summary>
    public static string Of(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var id) && id is { Length: 32 } && id.All(Uri.IsHexDigit))
        {
            return id;
        }

        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
            Path = "/",
        });
        return id;
    }

    /// <summary>True for a request that is obviously not a person reading (no User-Agent, or a crawler's or a script's).</summary>
    public static bool IsBot(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return string.IsNullOrWhiteSpace(agent) || BotMarks.Any(mark => agent.Contains(mark, StringComparison.OrdinalIgnoreCase));
    }
}

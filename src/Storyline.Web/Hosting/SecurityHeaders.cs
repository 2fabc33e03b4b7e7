namespace Storyline.Web.Hosting;

/// <summary>
/// Headers on every response: a Content-Security-Policy allowing only this site's own script and stylesheet (no inline
/// script, no other host, no framing), no MIME sniffing, no referrer to other sites.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "interest-cohort=(), camera=(), microphone=(), geolocation=()";
        await next(context).ConfigureAwait(false);
    });
}

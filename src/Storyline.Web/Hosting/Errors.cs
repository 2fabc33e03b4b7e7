using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Storyline.Web.Pages;
using Storyline.Web.Rendering;

namespace Storyline.Web.Hosting;

/// <summary>
/// Errors as RFC 7807 problem details under /api (and for API clients), as a small page elsewhere; an exception is
/// logged on the server and the client gets a plain 500 without a stack trace or message.
/// </summary>
internal static class Errors
{
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal);

    public static IResult Problem(int status, string title, string? detail = null) =>
        Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" });

    public static IResult Page(HttpContext context, int status, string title, string detail) =>
        Results.Content(ListPages.Error(status, title, detail, Viewer.Anonymous), CachedResponse.HtmlType, statusCode: status);

    /// <summary>A problem for an API request, an error page for a page.</summary>
    public static IResult For(HttpContext context, int status, string title, string detail) =>
        IsApi(context.Request) ? Problem(status, title, detail) : Page(context, status, title, detail);

    public static void UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            if (error is BadHttpRequestException bad)
            {
                // The client's fault (a body over the size limit, a malformed request): its status, not a 500.
                context.Response.StatusCode = bad.StatusCode;
                await For(context, bad.StatusCode, bad.StatusCode == 413 ? "Request too large" : "Bad request", "The request could not be read.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            app.Logger.LogError(error, "Unhandled error on {Path}", context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await For(context, 500, "Something went wrong", "The server could not answer this request.").ExecuteAsync(context).ConfigureAwait(false);
        }));
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            var status = context.Response.StatusCode;
            var (title, detail) = status switch
            {
                404 => ("Not found", "There is nothing at this address."),
                405 => ("Method not allowed", "This address does not take that method."),
                413 => ("Request too large", "The request body is larger than this server accepts."),
                415 => ("Unsupported media type", "Send JSON with Content-Type: application/json."),
                429 => ("Too many requests", "Slow down and try again in a minute."),
                _ => ("Error", "The request could not be answered."),
            };
            await For(context, status, title, detail).ExecuteAsync(context).ConfigureAwait(false);
        });
    }
}

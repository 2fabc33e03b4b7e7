using System.Collections.Concurrent;

namespace Storyline.Web.Hosting;

/// <summary>
/// Rendered responses shared by every reader who is not signed in (pages without forms, JSON of stories), kept until the
/// stories change (<see cref="StoryGeneration"/>). Bounded: emptied when it holds too many.
/// </summary>
internal sealed class ResponseCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, CachedResponse> _entries = new(StringComparer.Ordinal);

    public ResponseCache(StoryGeneration generation) => generation.OnChange(_entries.Clear);

    public CachedResponse GetOrAdd(string key, Func<CachedResponse> render)
    {
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var response = render();
        if (response.Status is 200 or 302)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = response;
        }

        return response;
    }
}

/// <summary>A response body ready to send.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Body">Its bytes.</param>
internal sealed record CachedResponse(int Status, string ContentType, byte[] Body) : IResult
{
    /// <summary>Where a redirect (302) leads.</summary>
    public string? Location { get; init; }

    public static CachedResponse Redirect(string location) => new(302, "text/plain; charset=utf-8", []) { Location = location };

    public const string HtmlType = "text/html; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public static CachedResponse Html(string html, int status = 200) => new(status, HtmlType, System.Text.Encoding.UTF8.GetBytes(html));

    public IResult ToResult() => this;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = Status;
        if (Location is not null)
        {
            httpContext.Response.Headers.Location = Location;
        }

        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = Body.Length;
        return httpContext.Response.Body.WriteAsync(Body).AsTask();
    }
}

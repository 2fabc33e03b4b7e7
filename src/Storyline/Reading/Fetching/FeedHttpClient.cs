using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Storyline.Reading.Fetching;

/// <summary>
/// Polite HTTP for feeds and article pages: conditional requests with the validators sent back byte for byte,
/// gzip/brotli, a User-Agent naming Storyline, one request at a time per host and a global limit, connect and whole
/// request timeouts, a body limit, redirects followed by hand (at most <see cref="FetchOptions.MaxRedirects"/>, each
/// hop through the SSRF guard) so that permanent and temporary moves can be told apart. Thread-safe.
/// </summary>
public sealed class FeedHttpClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a client.</summary>
    /// <param name="options">Limits, timeouts and the guard.</param>
    /// <param name="handler">The handler to send through; null for the guarded default (tests may bring their own).</param>
    /// <param name="time">The clock, for Retry-After and Expires dates.</param>
    public FeedHttpClient(FetchOptions? options = null, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        _options = options ?? FetchOptions.Default;
        _time = time ?? TimeProvider.System;
        _invoker = new HttpMessageInvoker(handler ?? GuardedConnector.CreateHandler(_options), disposeHandler: true);
        _global = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentRequests));
    }

    /// <summary>The options in force.</summary>
    public FetchOptions Options => _options;

    /// <summary>Fetches <paramref name="uri"/>, conditionally when <paramref name="validators"/> are given. Never throws but for cancellation.</summary>
    public async Task<FetchResult> GetAsync(Uri uri, Validators? validators, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var current = uri;
        Uri? permanent = null;
        var allPermanent = true;
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme is not ("http" or "https"))
            {
                return Failed(current, null, $"unsupported URL scheme '{current.Scheme}'");
            }

            var (result, location) = await SendOnceAsync(current, validators, cancellation).ConfigureAwait(false);
            if (location is null)
            {
                return permanent is null || !allPermanent ? result : Moved(result, permanent);
            }

            if (hop >= _options.MaxRedirects)
            {
                return Failed(current, result.Status, $"more than {_options.MaxRedirects} redirects");
            }

            allPermanent &= result.Status is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;
            current = location;
            if (allPermanent)
            {
                permanent = location;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _invoker.Dispose();
        _global.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }

    private static FetchResult Moved(FetchResult result, Uri permanent) => new()
    {
        Status = result.Status,
        Failure = result.Failure,
        Body = result.Body,
        Charset = result.Charset,
        MediaType = result.MediaType,
        FinalUri = result.FinalUri,
        MovedPermanentlyTo = permanent,
        Validators = result.Validators,
        RetryAfter = result.RetryAfter,
        Freshness = result.Freshness,
    };

    private static FetchResult Failed(Uri uri, HttpStatusCode? status, string reason) => new() { FinalUri = uri, Status = status, Failure = reason };

    /// <summary>One request, no redirect followed: the result, and where a redirect points (null otherwise).</summary>
    private async Task<(FetchResult Result, Uri? Location)> SendOnceAsync(Uri uri, Validators? validators, CancellationToken cancellation)
    {
        var host = _hosts.GetOrAdd(uri.IdnHost + ":" + uri.Port.ToString(CultureInfo.InvariantCulture), _ => new SemaphoreSlim(1));
        await _global.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await host.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    return await SendAsync(uri, validators, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    return (Failed(uri, null, $"timed out after {_options.RequestTimeout.TotalSeconds:0.#} s"), null);
                }
                catch (HttpRequestException e)
                {
                    return (Failed(uri, null, Reason(e)), null);
                }
                catch (IOException e)
                {
                    return (Failed(uri, null, e.Message), null);
                }
            }
            finally
            {
                host.Release();
            }
        }
        finally
        {
            _global.Release();
        }
    }

    private static string Reason(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
            {
                return refused.Message;
            }
        }

        return e.InnerException is { } cause ? $"{e.Message} ({cause.Message})" : e.Message;
    }

    private async Task<(FetchResult Result, Uri? Location)> SendAsync(Uri uri, Validators? validators, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (validators?.ETag is { Length: > 0 } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (validators?.LastModified is { Length: > 0 } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        using var response = await _invoker.SendAsync(request, cancellation).ConfigureAwait(false);
        var status = response.StatusCode;
        if ((int)status is 301 or 302 or 303 or 307 or 308)
        {
            return response.Headers.Location is { } location
                ? (Failed(uri, status, "redirect"), location.IsAbsoluteUri ? location : new Uri(uri, location))
                : (Failed(uri, status, $"HTTP {(int)status} without a Location"), null);
        }

        var common = Headers(response);
        if (status == HttpStatusCode.NotModified)
        {
            return (new FetchResult { Status = status, FinalUri = uri, Validators = common.Validators ?? validators ?? new(null, null), Freshness = common.Freshness }, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            var reason = $"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd();
            return (new FetchResult { Status = status, FinalUri = uri, Failure = reason, RetryAfter = RetryAfter(response) }, null);
        }

        var (body, tooLarge) = await ReadBodyAsync(response, cancellation).ConfigureAwait(false);
        if (tooLarge)
        {
            return (Failed(uri, status, $"body larger than {_options.MaxBodyBytes / (1024 * 1024)} MB"), null);
        }

        return (new FetchResult
        {
            Status = status,
            FinalUri = uri,
            Body = body,
            Charset = response.Content.Headers.ContentType?.CharSet,
            MediaType = response.Content.Headers.ContentType?.MediaType,
            Validators = common.Validators ?? new(null, null),
            Freshness = common.Freshness,
        }, null);
    }

    private async Task<(byte[] Body, bool TooLarge)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var limit = _options.MaxBodyBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            return ([], true);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
    }

    private (Validators? Validators, TimeSpan? Freshness) Headers(HttpResponseMessage response)
    {
        string? Raw(HttpHeaders headers, string name) =>
            headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        var etag = Raw(response.Headers, "ETag");
        var lastModified = Raw(response.Content.Headers, "Last-Modified");
        var validators = etag is null && lastModified is null ? null : new Validators(etag, lastModified);
        TimeSpan? freshness = response.Headers.CacheControl?.MaxAge;
        if (freshness is null && response.Content.Headers.Expires is { } expires)
        {
            var now = response.Headers.Date ?? _time.GetUtcNow();
            freshness = expires > now ? expires - now : TimeSpan.Zero;
        }

        return (validators, freshness);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } retry)
        {
            return null;
        }

        if (retry.Delta is { } delta)
        {
            return delta;
        }

        if (retry.Date is { } date)
        {
            var now = response.Headers.Date ?? _time.GetUtcNow();
            return date > now ? date - now : TimeSpan.Zero;
        }

        return null;
    }
}

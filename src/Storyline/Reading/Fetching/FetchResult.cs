using System.Net;

namespace Storyline.Reading.Fetching;

/// <summary>The validators of an earlier response, sent back byte for byte to make a request conditional.</summary>
/// <param name="ETag">The ETag header as received, sent as If-None-Match.</param>
/// <param name="LastModified">The Last-Modified header as received, sent as If-Modified-Since.</param>
public sealed record Validators(string? ETag, string? LastModified);

/// <summary>The outcome of one fetch (after redirects): a status and body, or a failure in words.</summary>
public sealed class FetchResult
{
    /// <summary>The final HTTP status; null when no response came (refused, timed out, unreachable).</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>Why the fetch failed, or null when a usable response (2xx or 304) came.</summary>
    public string? Failure { get; init; }

    /// <summary>The body (decompressed); empty for 304 and failures.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The charset of the Content-Type, when declared.</summary>
    public string? Charset { get; init; }

    /// <summary>The media type of the Content-Type, when declared.</summary>
    public string? MediaType { get; init; }

    /// <summary>The URL the body came from, after redirects.</summary>
    public required Uri FinalUri { get; init; }

    /// <summary>Where the resource moved for good: the target of the redirects when all were permanent (301/308).</summary>
    public Uri? MovedPermanentlyTo { get; init; }

    /// <summary>The response's validators, for the next conditional request.</summary>
    public Validators Validators { get; init; } = new(null, null);

    /// <summary>How long the server asked to wait (Retry-After on 429/503), when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How long the response may be cached (Cache-Control max-age, else Expires), when said.</summary>
    public TimeSpan? Freshness { get; init; }

    /// <summary>True for 304 Not Modified.</summary>
    public bool NotModified => Status == HttpStatusCode.NotModified;

    /// <summary>True when a body or a 304 came.</summary>
    public bool Succeeded => Failure is null;
}

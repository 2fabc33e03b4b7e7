namespace Storyline.Reading.Fetching;

/// <summary>How <see cref="FeedHttpClient"/> behaves on the network: limits, timeouts, identity and the SSRF guard.</summary>
public sealed record FetchOptions
{
    /// <summary>The environment variable that, set to <c>true</c>, lifts the guard against private addresses.</summary>
    public const string AllowPrivateAddressesVariable = "STORYLINE_ALLOW_PRIVATE_ADDRESSES";

    /// <summary>"Storyline/VERSION (+…)", the version being the library's.</summary>
    // Declared before Default, which reads it while being initialised.
    public static string DefaultUserAgent { get; } =
        $"Storyline/{typeof(FetchOptions).Assembly.GetName().Version?.ToString(3) ?? "0"} (news story engine; feed reader; +https://github.com/storyline)";

    /// <summary>The defaults: the guard on, 10 s to connect, 30 s a request, 15 MB bodies, 5 redirects.</summary>
    public static FetchOptions Default { get; } = new();

    /// <summary>Whether connections to loopback, private, link-local and similar addresses are allowed (off: refused).</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Longest wait for a connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time a whole request may take, body included.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest body accepted (after decompression).</summary>
    public long MaxBodyBytes { get; init; } = 15L * 1024 * 1024;

    /// <summary>Most redirects followed for one request.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Requests in flight at once, over all hosts (one at a time per host in any case).</summary>
    public int MaxConcurrentRequests { get; init; } = 8;

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>True when the environment lifts the guard (<c>STORYLINE_ALLOW_PRIVATE_ADDRESSES=true</c>).</summary>
    public static bool EnvironmentAllowsPrivateAddresses() =>
        string.Equals(Environment.GetEnvironmentVariable(AllowPrivateAddressesVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}

namespace Storyline.Web;

/// <summary>How <c>storyline serve</c> runs.</summary>
/// <param name="DatabasePath">The SQLite database (created and migrated when needed).</param>
public sealed record ServeSettings(string DatabasePath)
{
    /// <summary>Where to listen, as ASP.NET's <c>--urls</c> (semicolon-separated); port 0 picks a free one.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Whether to poll subscribed feeds in the background.</summary>
    public bool Fetch { get; init; } = true;

    /// <summary>Log requests and warnings to the console (off in tests and the load benchmark).</summary>
    public bool ConsoleLog { get; init; } = true;

    /// <summary>Requests per minute and client a rate-limited form or API accepts, by kind (sign-in, sign-up, reactions, posts).</summary>
    public RateLimits Limits { get; init; } = new();
}

/// <summary>Rate limits per client address and minute.</summary>
/// <param name="Reactions">Reactions (form and API).</param>
/// <param name="SignIn">Sign-in attempts.</param>
/// <param name="SignUp">Accounts opened.</param>
/// <param name="Posts">Posts written, edited or removed, and articles posted through the API.</param>
public sealed record RateLimits(int Reactions = 60, int SignIn = 10, int SignUp = 5, int Posts = 20);

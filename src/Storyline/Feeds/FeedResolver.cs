using Storyline.Reading;
using Storyline.Reading.Feeds;
using Storyline.Reading.Fetching;

namespace Storyline.Feeds;

/// <summary>What a URL given to <c>feeds add</c> turned out to be: the feed to subscribe to, or why there is none.</summary>
/// <param name="FeedUrl">The feed's URL (its new one when it moved permanently), or null.</param>
/// <param name="Title">The feed's title.</param>
/// <param name="Failure">Why no feed was found, or null.</param>
public sealed record ResolvedFeed(string? FeedUrl, string? Title, string? Failure);

/// <summary>
/// Turns a URL into a subscription: a feed is taken as it is; a web page is searched for the feeds it announces
/// (<c>&lt;link rel="alternate"&gt;</c>) and the first that reads as a feed is taken.
/// </summary>
public static class FeedResolver
{
    private const int MaxCandidates = 3;

    /// <summary>Resolves <paramref name="url"/> through <paramref name="client"/> (the SSRF guard applies).</summary>
    public static async Task<ResolvedFeed> ResolveAsync(FeedHttpClient client, Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(url);
        var response = await client.GetAsync(url, null, cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            return new ResolvedFeed(null, null, response.Failure);
        }

        var parsed = FeedParser.Parse(response.Body, response.FinalUri.ToString(), response.Charset);
        if (parsed.Format != FeedFormat.Unknown)
        {
            return new ResolvedFeed((response.MovedPermanentlyTo ?? url).ToString(), parsed.Title, null);
        }

        var candidates = FeedDiscovery.FindFeeds(HtmlCharset.Decode(response.Body, response.Charset), response.FinalUri);
        if (candidates.Count == 0)
        {
            return new ResolvedFeed(null, null, "neither a feed nor a page announcing one (<link rel=\"alternate\" type=\"application/rss+xml\">)");
        }

        string? lastFailure = null;
        foreach (var candidate in candidates.Take(MaxCandidates))
        {
            var feedUri = new Uri(candidate);
            var feedResponse = await client.GetAsync(feedUri, null, cancellationToken).ConfigureAwait(false);
            if (!feedResponse.Succeeded)
            {
                lastFailure = $"{candidate}: {feedResponse.Failure}";
                continue;
            }

            var feed = FeedParser.Parse(feedResponse.Body, feedResponse.FinalUri.ToString(), feedResponse.Charset);
            if (feed.Format != FeedFormat.Unknown)
            {
                return new ResolvedFeed((feedResponse.MovedPermanentlyTo ?? feedUri).ToString(), feed.Title, null);
            }

            lastFailure = $"{candidate}: {string.Join("; ", feed.Problems.DefaultIfEmpty("not a feed"))}";
        }

        return new ResolvedFeed(null, null, $"the page announces feeds, none readable ({lastFailure})");
    }
}

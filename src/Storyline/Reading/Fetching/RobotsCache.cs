using System.Collections.Concurrent;
using System.Text;

namespace Storyline.Reading.Fetching;

/// <summary>
/// robots.txt per host, fetched once and kept for a day (an hour when it could not be read), obeyed before every
/// article page fetch. A 4xx means no rules; an unreachable robots.txt or a 5xx means wait (nothing allowed).
/// </summary>
public sealed class RobotsCache
{
    private readonly FeedHttpClient _client;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Task<(RobotsRules Rules, DateTimeOffset Until)>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a cache fetching through <paramref name="client"/>.</summary>
    public RobotsCache(FeedHttpClient client, TimeProvider? time = null)
    {
        _client = client;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True when robots.txt lets Storyline fetch <paramref name="page"/>.</summary>
    public async Task<bool> AllowsAsync(Uri page, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(page);
        var origin = page.GetLeftPart(UriPartial.Authority);

        // Pages of one host asked about at once share one fetch of its robots.txt.
        var entry = _hosts.GetOrAdd(origin, o => FetchAsync(o, cancellation));
        if (entry.IsCanceled || entry.IsFaulted)
        {
            // A fetch cut short by an earlier poll's cancellation is not an answer.
            entry = FetchAsync(origin, cancellation);
            _hosts[origin] = entry;
        }

        var (rules, until) = await entry.ConfigureAwait(false);
        if (until <= _time.GetUtcNow())
        {
            var fresh = FetchAsync(origin, cancellation);
            _hosts[origin] = fresh;
            (rules, _) = await fresh.ConfigureAwait(false);
        }

        return rules.Allows(page.PathAndQuery);
    }

    private async Task<(RobotsRules Rules, DateTimeOffset Until)> FetchAsync(string origin, CancellationToken cancellation)
    {
        var response = await _client.GetAsync(new Uri(origin + "/robots.txt"), null, cancellation).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var status = (int?)response.Status;
        return response.Succeeded
            ? (RobotsRules.Parse(Encoding.UTF8.GetString(response.Body), "storyline"), now.AddDays(1))
            : status is >= 400 and < 500
                ? (RobotsRules.AllowAll, now.AddDays(1))
                : (RobotsRules.DisallowAll, now.AddHours(1));
    }
}

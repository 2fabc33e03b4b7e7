using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Storyline.Feeds;
using Storyline.Reading.Fetching;
using Storyline.Storage;

namespace Storyline.Web.Hosting;

/// <summary>
/// The feed poller of <c>storyline fetch</c>, run in the background of <c>serve</c> (unless <c>--no-fetch</c>): it polls a
/// subscription when it is due and idles while there is none, so subscriptions added later (<c>POST /api/feeds</c>,
/// <c>storyline feeds add</c>) are taken up. What it stores reaches the pages through <see cref="StoryGeneration"/>.
/// Private and loopback hosts are refused unless <c>STORYLINE_ALLOW_PRIVATE_ADDRESSES=true</c>.
/// </summary>
internal sealed class FeedService(ServeSettings settings, ILogger<FeedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Fetch)
        {
            return;
        }

        var options = new FeedPollerOptions
        {
            Fetch = FetchOptions.Default with { AllowPrivateAddresses = FetchOptions.EnvironmentAllowsPrivateAddresses() },
        };
        using var poller = new FeedPoller(() => SqliteStoryStore.Open(settings.DatabasePath), StorylinePipeline.Default, options);
        // Counts only: feed URLs and failure reasons are untrusted text and stay out of the terminal (GET /api/feeds has them).
        poller.Polled += (_, summary) => logger.LogInformation("Feeds: {Summary}", summary.ToString());
        poller.PollFailed += (_, error) => logger.LogWarning("Feeds: a poll failed ({Kind}); polling goes on", error.GetType().Name);
        await Task.Yield();
        await poller.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}

using Microsoft.Extensions.Hosting;
using Storyline.Storage;

namespace Storyline.Web.Hosting;

/// <summary>
/// Which version of the stories the caches hold. A background loop asks SQLite twice a second whether any connection
/// committed (<c>PRAGMA data_version</c>, free); only then it computes the stories' fingerprint, and when that moved
/// (ingest, fetch or a post stored or regrouped something: not a view or a reaction) it empties the caches, so a
/// rendered story or comparison is kept until its story may have changed.
/// </summary>
internal sealed class StoryGeneration(StorePool pool) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _lock = new();
    private readonly List<Action> _listeners = [];
    private SqliteStoryStore? _watcher;
    private long _dataVersion = -1;
    private string? _fingerprint;

    /// <summary>Registers a cache to empty when the stories change.</summary>
    public void OnChange(Action clear)
    {
        lock (_lock)
        {
            _listeners.Add(clear);
        }
    }

    /// <summary>Checks now (after this server itself stored something) rather than at the next tick.</summary>
    public void Refresh()
    {
        lock (_lock)
        {
            _watcher ??= SqliteStoryStore.Open(pool.Path);
            var version = _watcher.DataVersion();
            if (version == _dataVersion)
            {
                return;
            }

            _dataVersion = version;
            var fingerprint = _watcher.StoriesFingerprint();
            if (fingerprint == _fingerprint)
            {
                return;
            }

            _fingerprint = fingerprint;
            foreach (var clear in _listeners)
            {
                clear();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    Refresh();
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    // Busy or locked for longer than the timeout while another process writes: try at the next tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }
}

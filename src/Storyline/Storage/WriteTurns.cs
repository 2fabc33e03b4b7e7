namespace Storyline.Storage;

/// <summary>
/// Orders one store's writing connections within the process. SQLite lets one connection write at a time, and
/// a writer that finds the file locked sleeps and retries; the bulk indexer starts its next transaction the
/// moment it commits, so without this the grouping thread's writes kept missing their chance and grouping
/// crawled until indexing was done. Foreground writers (the store's own connection) go first; the background
/// indexer takes a turn only while none waits, so a foreground write waits for one indexing batch at most.
/// </summary>
internal sealed class WriteTurns : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _foregroundWaiting;

    /// <summary>Foreground writers waiting for a turn now.</summary>
    public int ForegroundWaiting => Volatile.Read(ref _foregroundWaiting);

    /// <summary>Waits for the next turn, ahead of the background writer.</summary>
    public Turn Foreground()
    {
        Interlocked.Increment(ref _foregroundWaiting);
        try
        {
            _turn.Wait();
        }
        finally
        {
            Interlocked.Decrement(ref _foregroundWaiting);
        }

        return new Turn(_turn);
    }

    /// <summary>Takes the turn if it is free now.</summary>
    public bool TryForeground(out Turn turn)
    {
        turn = new Turn(_turn);
        return _turn.Wait(0);
    }

    /// <summary>Waits for a turn no foreground writer wants.</summary>
    public Turn Background()
    {
        while (true)
        {
            var spin = default(SpinWait);
            while (ForegroundWaiting > 0)
            {
                spin.SpinOnce();
            }

            _turn.Wait();
            if (ForegroundWaiting == 0)
            {
                return new Turn(_turn);
            }

            // A foreground writer came while this one waited: it goes first.
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    /// <summary>A held turn; disposing it hands the turn on.</summary>
    public readonly struct Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}

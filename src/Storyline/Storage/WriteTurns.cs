namespace Storyline.Storage;

/// <summary>
/// Orders one store's writing connections within the process. SQLite lets one connection write at a time, and
/// a writer that finds the file locked sleeps and retries; the bulk indexer starts its next transaction the
/// moment it commits, so without this the grouping thread's writes kept missing their chance and grouping
/// crawled until indexing was done. Foreground writers (the store's own connection) go first; the background
/// indexer takes a turn only while none waits (or has reserved the next), so a foreground write waits for one
/// indexing batch at most.
/// </summary>
internal sealed class WriteTurns : IDisposable
{
    /// <summary>How long a reservation (<see cref="TryForeground"/>) holds the background writer back at most.</summary>
    internal const int ReservationMilliseconds = 1_000;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly int _reservationMilliseconds;
    private int _foregroundWaiting;
    private long _reservedUntil;

    /// <param name="reservationMilliseconds">How long a reservation lasts at most (tests lengthen it, so that a slow machine cannot let it lapse).</param>
    public WriteTurns(int reservationMilliseconds = ReservationMilliseconds) => _reservationMilliseconds = reservationMilliseconds;

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

        Volatile.Write(ref _reservedUntil, 0);
        return new Turn(_turn);
    }

    /// <summary>
    /// Takes the turn if it is free now. If not and <paramref name="reserve"/>, the background writer starts no
    /// further turn until a foreground writer has had one (or the reservation has lasted its time,
    /// <see cref="ReservationMilliseconds"/> by default), so that a try soon after finds the turn free instead of
    /// missing it again: the background writer takes the turn back the moment it hands it on, so a try without a
    /// reservation rarely finds it free.
    /// </summary>
    public bool TryForeground(out Turn turn, bool reserve = false)
    {
        turn = new Turn(_turn);
        if (_turn.Wait(0))
        {
            Volatile.Write(ref _reservedUntil, 0);
            return true;
        }

        if (reserve)
        {
            Volatile.Write(ref _reservedUntil, Environment.TickCount64 + _reservationMilliseconds);
        }

        return false;
    }

    /// <summary>Whether a foreground writer waits for a turn or has reserved the next one.</summary>
    private bool ForegroundFirst => ForegroundWaiting > 0 || Environment.TickCount64 < Volatile.Read(ref _reservedUntil);

    /// <summary>Waits for a turn no foreground writer wants.</summary>
    public Turn Background()
    {
        while (true)
        {
            var spin = default(SpinWait);
            while (ForegroundFirst)
            {
                spin.SpinOnce();
            }

            _turn.Wait();
            if (!ForegroundFirst)
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

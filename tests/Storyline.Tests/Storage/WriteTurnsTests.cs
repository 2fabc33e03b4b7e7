using System.Collections.Concurrent;
using Storyline.Storage;

namespace Storyline.Tests.Storage;

public sealed class WriteTurnsTests
{
    [Fact]
    public async Task A_waiting_foreground_writer_goes_before_the_background_writers_next_turn()
    {
        using var turns = new WriteTurns();
        var order = new ConcurrentQueue<string>();
        var first = turns.Background();
        var foreground = Task.Run(() =>
        {
            using (turns.Foreground())
            {
                order.Enqueue("foreground");
            }
        });
        Assert.True(SpinWait.SpinUntil(() => turns.ForegroundWaiting > 0, TimeSpan.FromSeconds(10)));

        // The background writer lets go and at once asks again, as the indexer does between batches.
        first.Dispose();
        using (turns.Background())
        {
            order.Enqueue("background");
        }

        await foreground.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["foreground", "background"], order);
    }

    [Fact]
    public async Task A_reserved_turn_goes_to_the_foreground_writer_that_tried_for_it()
    {
        // A reservation that cannot lapse during the test: with the default second, a busy machine (the suite runs
        // tests in parallel) sometimes let it run out before the foreground writer came back, and the test failed.
        using var turns = new WriteTurns(reservationMilliseconds: 60_000);
        var order = new ConcurrentQueue<string>();
        var first = turns.Background();
        Assert.False(turns.TryForeground(out _, reserve: true));

        // The background writer lets go and asks again at once; the reservation keeps its next turn back.
        first.Dispose();
        var background = Task.Run(() =>
        {
            using (turns.Background())
            {
                order.Enqueue("background");
            }
        });
        await Task.Delay(100);
        Assert.False(background.IsCompleted);

        Assert.True(turns.TryForeground(out var turn));
        using (turn)
        {
            order.Enqueue("foreground");
        }

        await background.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["foreground", "background"], order);
    }

    [Fact]
    public async Task A_failed_try_without_reservation_or_an_unused_reservation_holds_nothing_back()
    {
        using var turns = new WriteTurns();
        var first = turns.Background();
        Assert.False(turns.TryForeground(out _));
        first.Dispose();
        await Task.Run(() => turns.Background().Dispose()).WaitAsync(TimeSpan.FromSeconds(10));

        // A reservation nobody takes up lapses, so a grouping that stops trying cannot stall the indexer. Timed from
        // before the reservation, so a slow machine cannot make the wait look shorter than it was (the clock's tick
        // is a few milliseconds).
        var second = turns.Background();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(turns.TryForeground(out _, reserve: true));
        second.Dispose();
        await Task.Run(() => turns.Background().Dispose()).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(watch.ElapsedMilliseconds, WriteTurns.ReservationMilliseconds - 50, 10_000);
    }

    [Fact]
    public void Turns_are_held_one_at_a_time()
    {
        using var turns = new WriteTurns();
        var holders = 0;
        var most = 0;
        Parallel.For(0, 200, i =>
        {
            using (i % 3 == 0 ? turns.Background() : turns.Foreground())
            {
                var now = Interlocked.Increment(ref holders);
                InterlockedMax(ref most, now);
                Thread.SpinWait(100);
                Interlocked.Decrement(ref holders);
            }
        });

        Assert.Equal(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

namespace Storyline.Tests;

public sealed class ChunkedPreparationTests
{
    [Fact]
    public void Outputs_come_in_input_order()
    {
        // Uneven work per input, so that the parallel workers finish out of order.
        var preparation = new ChunkedPreparation<int, int>(i =>
        {
            Thread.SpinWait((i * 7919) % 5000);
            return i * 2;
        }, chunkSize: 16, chunksAhead: 2);

        var outputs = preparation.Run(Enumerable.Range(0, 1000)).ToList();

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), outputs);
    }

    [Fact]
    public void An_empty_source_gives_nothing()
    {
        Assert.Empty(new ChunkedPreparation<int, int>(i => i).Run([]));
    }

    [Fact]
    public void A_failing_input_throws_where_the_consumer_reaches_it()
    {
        var preparation = new ChunkedPreparation<int, int>(i => i == 37 ? throw new InvalidDataException($"input {i}") : i, chunkSize: 10);
        var seen = new List<int>();

        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var output in preparation.Run(Enumerable.Range(0, 100)))
            {
                seen.Add(output);
            }
        });

        Assert.Equal("input 37", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 37), seen);
    }

    [Fact]
    public void A_failing_source_throws_after_everything_read_before_it()
    {
        static IEnumerable<int> Source()
        {
            for (var i = 0; i < 25; i++)
            {
                yield return i;
            }

            throw new IOException("disk gone");
        }

        var seen = new List<int>();

        Assert.Throws<IOException>(() =>
        {
            foreach (var output in new ChunkedPreparation<int, int>(i => i, chunkSize: 10).Run(Source()))
            {
                seen.Add(output);
            }
        });

        Assert.Equal(Enumerable.Range(0, 25), seen);
    }

    [Fact]
    public void Reading_stays_a_bounded_number_of_chunks_ahead_of_a_slow_consumer()
    {
        const int ChunkSize = 8;
        const int ChunksAhead = 2;
        var read = 0;
        var maxAhead = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 400; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var consumed = 0;
        foreach (var _ in new ChunkedPreparation<int, int>(i => i, ChunkSize, ChunksAhead).Run(Source()))
        {
            consumed++;
            if (consumed % ChunkSize == 0)
            {
                Thread.Sleep(2); // a slow store: the reader would run far ahead if nothing held it back
            }

            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - consumed);
        }

        Assert.Equal(400, consumed);
        // The chunk the consumer holds and at most ChunksAhead more.
        Assert.InRange(maxAhead, ChunkSize, (ChunksAhead + 1) * ChunkSize);
    }

    [Fact]
    public void Stopping_early_disposes_the_source_before_returning()
    {
        var disposed = false;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; i < 10_000; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        foreach (var output in new ChunkedPreparation<int, int>(i => i, chunkSize: 10).Run(Source()))
        {
            if (output == 15)
            {
                break;
            }
        }

        Assert.True(disposed);
    }
}

using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Storyline;

/// <summary>
/// Maps a sequence through a thread-safe function on every core, in input order, a few chunks ahead of
/// the consumer. The source is enumerated on a thread of its own, a chunk at a time (files and standard input
/// read sequentially), while the chunk before is prepared with <see cref="Parallel.For(int, int, Action{int})"/>
/// and the consumer works through the chunks before that. At most <see cref="ChunksAhead"/> chunks are read ahead of
/// the one the consumer holds, so memory is bounded however slow the consumer is.
/// </summary>
/// <typeparam name="TInput">What the source yields.</typeparam>
/// <typeparam name="TOutput">What the consumer receives, one per input.</typeparam>
internal sealed class ChunkedPreparation<TInput, TOutput>
{
    private readonly Func<TInput, TOutput> _prepare;
    private readonly int _parallelism;

    /// <summary>A preparation of chunks of <paramref name="chunkSize"/> inputs, <paramref name="chunksAhead"/> ahead.</summary>
    public ChunkedPreparation(Func<TInput, TOutput> prepare, int chunkSize = 256, int chunksAhead = 2, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksAhead, 1);
        _prepare = prepare;
        ChunkSize = chunkSize;
        ChunksAhead = chunksAhead;
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
    }

    /// <summary>Inputs a chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>Chunks read and prepared (or being prepared) ahead of the one the consumer holds.</summary>
    public int ChunksAhead { get; }

    /// <summary>
    /// The outputs in input order. An exception thrown by the function for an input (or by the source) is
    /// rethrown when the consumer reaches that input, after every output before it. Stopping early stops the
    /// reading and waits for it, so the source is disposed before this returns.
    /// </summary>
    public IEnumerable<TOutput> Run(IEnumerable<TInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return Iterate(inputs);
    }

    private IEnumerable<TOutput> Iterate(IEnumerable<TInput> inputs)
    {
        using var stop = new CancellationTokenSource();
        using var free = new SemaphoreSlim(ChunksAhead);
        using var read = new BlockingCollection<ReadChunk>();
        using var ready = new BlockingCollection<Chunk>();
        var reader = Task.Factory.StartNew(() => Read(inputs, free, read, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var preparer = Task.Factory.StartNew(() => Prepare(read, ready, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in ready.GetConsumingEnumerable())
            {
                // The consumer holds this chunk now: another may be read ahead.
                free.Release();
                for (var i = 0; i < chunk.Outputs.Length; i++)
                {
                    chunk.Failures[i]?.Throw();
                    yield return chunk.Outputs[i];
                }

                chunk.SourceFailure?.Throw();
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
            preparer.Wait();
        }
    }

    /// <summary>
    /// Reads the source a chunk at a time on a thread of its own, so the next chunk is read (files parsed, lines
    /// decoded) while the cores prepare this one; a chunk is read only when fewer than <see cref="ChunksAhead"/> are
    /// ahead of the consumer.
    /// </summary>
    private void Read(IEnumerable<TInput> inputs, SemaphoreSlim free, BlockingCollection<ReadChunk> read, CancellationToken stop)
    {
        try
        {
            using var source = inputs.GetEnumerator();
            while (true)
            {
                free.Wait(stop);
                var items = new List<TInput>(ChunkSize);
                ExceptionDispatchInfo? sourceFailure = null;
                try
                {
                    while (items.Count < ChunkSize && source.MoveNext())
                    {
                        items.Add(source.Current);
                    }
                }
                catch (Exception e)
                {
                    sourceFailure = ExceptionDispatchInfo.Capture(e);
                }

                if (items.Count == 0 && sourceFailure is null)
                {
                    break;
                }

                read.Add(new ReadChunk(items, sourceFailure), CancellationToken.None);
                if (sourceFailure is not null)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped: nothing more is wanted.
        }
        catch (Exception e)
        {
            // Getting or disposing the source's enumerator failed: the consumer sees it after what came before.
            read.Add(new ReadChunk([], ExceptionDispatchInfo.Capture(e)), CancellationToken.None);
        }
        finally
        {
            read.CompleteAdding();
        }
    }

    /// <summary>Prepares each chunk read on every core, in order.</summary>
    private void Prepare(BlockingCollection<ReadChunk> read, BlockingCollection<Chunk> ready, CancellationToken stop)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = stop };
        try
        {
            foreach (var (items, sourceFailure) in read.GetConsumingEnumerable(stop))
            {
                var outputs = new TOutput[items.Count];
                var failures = new ExceptionDispatchInfo?[items.Count];
                Parallel.For(0, items.Count, options, i =>
                {
                    try
                    {
                        outputs[i] = _prepare(items[i]);
                    }
                    catch (Exception e)
                    {
                        failures[i] = ExceptionDispatchInfo.Capture(e);
                    }
                });
                ready.Add(new Chunk(outputs, failures, sourceFailure), CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped: nothing more is wanted.
        }
        finally
        {
            ready.CompleteAdding();
        }
    }

    private sealed record ReadChunk(List<TInput> Items, ExceptionDispatchInfo? SourceFailure);

    private sealed record Chunk(TOutput[] Outputs, ExceptionDispatchInfo?[] Failures, ExceptionDispatchInfo? SourceFailure);
}

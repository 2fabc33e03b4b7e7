namespace Storyline.Clustering;

/// <summary>
/// Reads items a chunk at a time on the calling thread (reads may share its database connection) and prepares
/// each chunk on every core while the caller reads the next one and works through the chunk before.
/// </summary>
internal static class ChunkLookahead
{
    /// <summary>
    /// Each chunk's items with their prepared forms, in order. <paramref name="read"/> is called on the enumerating
    /// thread, chunk by chunk; <paramref name="prepare"/> on any thread. Once <paramref name="cancellationToken"/> is
    /// cancelled no further chunk is read.
    /// </summary>
    public static IEnumerable<(TItem[] Items, TPrepared[] Prepared)> Run<TItem, TPrepared>(
        int chunks, Func<int, TItem[]> read, Func<TItem, TPrepared> prepare, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(prepare);
        return Iterate(chunks, read, prepare, cancellationToken);
    }

    private static IEnumerable<(TItem[] Items, TPrepared[] Prepared)> Iterate<TItem, TPrepared>(
        int chunks, Func<int, TItem[]> read, Func<TItem, TPrepared> prepare, CancellationToken cancellationToken)
    {
        (TItem[] Items, Task<TPrepared[]> Prepared) Start(int c)
        {
            var items = read(c);
            return (items, Task.Run(() =>
            {
                var prepared = new TPrepared[items.Length];
                Parallel.For(0, items.Length, i => prepared[i] = prepare(items[i]));
                return prepared;
            }));
        }

        if (chunks <= 0)
        {
            yield break;
        }

        var next = Start(0);
        for (var c = 0; c < chunks; c++)
        {
            var (items, pending) = next;
            if (c + 1 < chunks && !cancellationToken.IsCancellationRequested)
            {
                next = Start(c + 1);
            }

            yield return (items, pending.GetAwaiter().GetResult());
        }
    }
}

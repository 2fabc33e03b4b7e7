using System.Collections.Concurrent;
using Storyline.Storage;

namespace Storyline.Web.Hosting;

/// <summary>
/// Read connections to the database, one per request at a time (a <see cref="SqliteStoryStore"/> is not thread-safe),
/// reused across requests. In WAL mode they read while another process (ingest, fetch) writes.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<SqliteStoryStore> _idle = [];

    public string Path { get; } = path;

    public T Read<T>(Func<SqliteStoryStore, T> read)
    {
        var store = _idle.TryTake(out var idle) ? idle : SqliteStoryStore.Open(Path);
        try
        {
            return read(store);
        }
        finally
        {
            if (_idle.Count < MaxIdle)
            {
                _idle.Add(store);
            }
            else
            {
                store.Dispose();
            }
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}

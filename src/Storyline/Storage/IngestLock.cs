namespace Storyline.Storage;

/// <summary>
/// One ingest at a time per database, across processes. Storing is safe with two writers (a duplicate found in the
/// write transaction is skipped), but grouping is not: two processes would put the same new articles into stories
/// at once. The lock is an OS lock (flock) on a file next to the database, <c>DB.lock</c>, so it goes with the
/// process however that ends, kill -9 included; the file itself is left in place (removing it would race).
/// </summary>
public sealed class IngestLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _file;

    private IngestLock(FileStream file) => _file = file;

    /// <summary>The lock file of the database at <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + ".lock";

    /// <summary>
    /// Takes the lock, waiting while another process holds it; <paramref name="onWait"/> is called once, when it
    /// first has to wait (to say so).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public static IngestLock Acquire(string databasePath, Action onWait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        var path = PathFor(databasePath);
        var waiting = false;
        while (true)
        {
            // FileShare.None is an exclusive flock on Unix (and a share lock on Windows): held by the open file.
            try
            {
                return new IngestLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!waiting)
                {
                    waiting = true;
                    onWait();
                }
            }

            cancellationToken.WaitHandle.WaitOne(Poll);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}

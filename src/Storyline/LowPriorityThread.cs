using System.Runtime.InteropServices;

namespace Storyline;

/// <summary>
/// Runs catch-up work (the full-text index) on a thread of its own at a lower scheduling priority, so that it
/// takes the cores the work that everything waits for (grouping, sequential by nature) leaves free rather than an
/// equal share of them: with three busy threads on two cores, grouping's thread got two thirds of a core.
/// </summary>
/// <remarks>
/// <see cref="Thread.Priority"/> does nothing on Linux (its threads share one static priority), so there the thread
/// raises its own nice value, which Linux keeps per thread; the raise cannot be undone without privileges, hence a
/// thread that ends with the work rather than a pool thread. Elsewhere <see cref="ThreadPriority.BelowNormal"/>.
/// </remarks>
internal static partial class LowPriorityThread
{
    /// <summary>
    /// How much the thread raises its nice value on Linux (to at most <see cref="MaxNice"/>): at 10 above another busy
    /// thread, it gets about a tenth of a core's share beside it.
    /// </summary>
    internal const int Nice = 10;

    /// <summary>Linux's largest (least favoured) nice value.</summary>
    internal const int MaxNice = 19;

    /// <summary>Starts <paramref name="work"/> on a new low-priority background thread; the task ends with it.</summary>
    public static Task<T> Run<T>(string name, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            try
            {
                done.SetResult(work());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };

        if (!OperatingSystem.IsLinux())
        {
            thread.Priority = ThreadPriority.BelowNormal;
        }

        thread.Start();
        return done.Task;
    }

    /// <summary>Lowers the calling thread's priority on Linux; a system that refuses leaves it as it was.</summary>
    internal static void Lower()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // Relative to the process's own (a process started under nice stays below its other threads), and never
            // down: a privileged process could otherwise raise the thread's priority.
            if (CurrentNice() is { } nice && nice < MaxNice)
            {
                _ = SetPriority(PriorityOfProcess, GetThreadId(), Math.Min(MaxNice, nice + Nice));
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An old C library without gettid: the work runs at normal priority.
        }
    }

    /// <summary>The calling thread's nice value on Linux, or null elsewhere or when it cannot be read.</summary>
    internal static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Marshal.SetLastPInvokeError(0);
        var nice = GetPriority(PriorityOfProcess, GetThreadId());
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? null : nice;
    }

    // PRIO_PROCESS: on Linux, given a thread id, it applies to that thread alone.
    private const int PriorityOfProcess = 0;

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static partial int GetPriority(int which, int who);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}

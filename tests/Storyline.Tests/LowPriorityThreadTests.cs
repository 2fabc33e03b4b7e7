namespace Storyline.Tests;

public sealed class LowPriorityThreadTests
{
    [Fact]
    public async Task Runs_the_work_on_a_thread_of_its_own_at_a_lower_priority()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (thread, nice, name) = await LowPriorityThread.Run("test work", () => (Environment.CurrentManagedThreadId, LowPriorityThread.CurrentNice(), Thread.CurrentThread.Name));

        Assert.NotEqual(caller, thread);
        Assert.Equal("test work", name);
        if (OperatingSystem.IsLinux())
        {
            // Raised by Nice from the nice value the process runs at (0 unless started under nice), at most to 19.
            var callers = LowPriorityThread.CurrentNice()!.Value;
            Assert.Equal(Math.Min(LowPriorityThread.MaxNice, callers + LowPriorityThread.Nice), nice);
        }
    }

    [Fact]
    public async Task An_exception_in_the_work_ends_the_task_with_it()
    {
        var task = LowPriorityThread.Run<int>("failing work", () => throw new InvalidOperationException("no"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => task);
        Assert.Equal("no", e.Message);
    }
}

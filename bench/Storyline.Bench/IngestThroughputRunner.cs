using System.Diagnostics;
using Storyline.Storage;

namespace Storyline.Bench;

/// <summary>Times a full ingest (read, extract, dedupe, group, store) of a JSONL file into a fresh database.</summary>
internal static class IngestThroughputRunner
{
    /// <summary>Progress handled on the reporting thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    private sealed class PhaseClock(Action<IngestProgress> onReport) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => onReport(value);
    }

    public static string Run(string jsonlPath)
    {
        var database = Path.Combine(Path.GetTempPath(), $"storyline-bench-{Environment.ProcessId}.db");
        try
        {
            var clock = Stopwatch.StartNew();
            var groupingStarted = TimeSpan.Zero;
            var phases = new PhaseClock(p =>
            {
                if (p.Phase == "grouping" && groupingStarted == TimeSpan.Zero)
                {
                    groupingStarted = clock.Elapsed;
                }
            });
            IngestReport report;
            using (var store = SqliteStoryStore.Open(database))
            {
                report = StorylinePipeline.Default.Ingest([jsonlPath], store, progress: phases);
            }

            clock.Stop();
            using var process = Process.GetCurrentProcess();
            var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.WriteLine($"read+extract+dedupe+store {groupingStarted.TotalSeconds:F2} s, group {(clock.Elapsed - groupingStarted).TotalSeconds:F2} s");
            // CPU and GC figures: wall time alone is unreadable on a shared machine.
            Console.WriteLine($"CPU {process.TotalProcessorTime.TotalSeconds:F2} s; GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, " +
                $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), allocated {GC.GetTotalAllocatedBytes() / (1024.0 * 1024 * 1024):F2} GB");
            return $"{report.Stored} articles in {clock.Elapsed.TotalSeconds:F2} s = {report.Stored / clock.Elapsed.TotalSeconds:F0} articles/s; peak working set {peakMb:F0} MB; {report}";
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Storyline.Cli;

/// <summary>
/// A test hook for crash consistency: with <c>STORYLINE_TEST_KILL_AT=PHASE:N[:INT]</c> in the environment, an ingest
/// kills itself (SIGKILL, as kill -9) — or interrupts itself (SIGINT, as Ctrl-C, then carries on as it would) — when
/// progress first reaches N items of PHASE (<c>reading</c> or <c>grouping</c>). A point named in the process, not a
/// time, so the tests that kill an ingest at several moments are deterministic. Without the variable it does nothing.
/// </summary>
internal sealed class CrashHook(string phase, int at, bool interrupt, IProgress<IngestProgress>? inner, CancellationToken interrupted) : IProgress<IngestProgress>
{
    public const string Variable = "STORYLINE_TEST_KILL_AT";
    private bool _fired;

    /// <summary><paramref name="inner"/> with the hook around it when the variable is set; else <paramref name="inner"/>.</summary>
    public static IProgress<IngestProgress>? Wrap(IProgress<IngestProgress>? inner, CancellationToken interrupted)
    {
        var parts = Environment.GetEnvironmentVariable(Variable)?.Split(':');
        return parts is [var phase, var count, ..] && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            ? new CrashHook(phase, at, parts is [_, _, "INT"], inner, interrupted)
            : inner;
    }

    public void Report(IngestProgress value)
    {
        inner?.Report(value);
        if (_fired || value.Phase != phase || value.Done < at)
        {
            return;
        }

        _fired = true;
        if (!interrupt)
        {
            Process.GetCurrentProcess().Kill();
        }

        using (var kill = Process.Start("kill", ["-INT", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        // The signal's handler runs on another thread: continue once it has, as a real Ctrl-C would be seen.
        interrupted.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
    }
}

using System.Diagnostics;

namespace Storyline.Cli;

/// <summary>
/// A one-line progress display on a terminal's stderr, redrawn at most five times a second, shown only
/// once an ingest has passed a few hundred documents (small ingests finish before it would help).
/// </summary>
internal sealed class TerminalProgress(TextWriter error) : IProgress<IngestProgress>
{
    private const int ShowAfter = 300;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawMs = -1000;
    private bool _drawn;

    public void Report(IngestProgress value)
    {
        if ((value.Phase == "reading" && value.Done < ShowAfter && !_drawn) || _clock.ElapsedMilliseconds - _lastDrawMs < 200)
        {
            return;
        }

        _lastDrawMs = _clock.ElapsedMilliseconds;
        var rate = value.Done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var total = value.Total is { } t ? $"/{t:N0}" : string.Empty;
        error.Write($"\r{value.Phase} {value.Done:N0}{total} ({rate:N0}/s)   ");
        _drawn = true;
    }

    /// <summary>Clears the progress line so that the summary starts on a clean line.</summary>
    public void Finish()
    {
        if (_drawn)
        {
            error.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}

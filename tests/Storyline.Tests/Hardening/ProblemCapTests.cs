using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>Millions of bad lines are counted, not all kept and printed (issue 25, case 8).</summary>
public sealed class ProblemCapTests
{
    [Fact]
    public void Bad_lines_past_the_first_hundred_are_counted_not_printed_or_kept()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("bad.jsonl", string.Concat(Enumerable.Repeat("{broken\n", 1_000)) +
            """{"id": "ok", "text": "Heavy rain closed the northern highway on Monday, officials said."}""" + "\n");

        var ingest = CliRunner.Run("ingest", corpus, "--db", temp.File("s.db"));

        Assert.Equal(1, ingest.ExitCode);
        var lines = ingest.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Count(l => l.Contains("malformed JSON", StringComparison.Ordinal)));
        Assert.Contains("storyline: 900 more input problems not shown", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("read 1001, stored 1, duplicates 0, failed 1000", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_keeps_the_first_problems_and_counts_the_rest()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("bad.jsonl", string.Concat(Enumerable.Repeat("[1]\n", 250)));
        using var store = Storyline.Storage.SqliteStoryStore.Open(temp.File("s.db"));

        var report = StorylinePipeline.Default.Ingest([corpus], store);

        Assert.Equal(250, report.Failed);
        Assert.Equal(IngestReport.MaxKeptProblems, report.Problems.Count);
        Assert.Equal(150, report.ProblemsLeftOut);
    }
}

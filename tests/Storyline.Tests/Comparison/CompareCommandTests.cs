using Storyline.Tests.Cli;

namespace Storyline.Tests.Comparison;

public sealed class CompareCommandTests
{
    [Fact]
    public void An_unknown_story_exits_2_with_a_message()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), "--db", db);

        var result = CliRunner.Run("compare", "99", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no story 99", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_article_story_has_nothing_to_compare()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), "--db", db);

        var result = CliRunner.Run("compare", "1", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to compare", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Undated_articles_without_an_outlet_are_compared()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var jsonl = temp.File("in.jsonl");
        File.WriteAllLines(jsonl,
        [
            """{"id":"a","title":"Storm floods the harbour town","text":"A storm flooded the harbour town of Eastport on Monday, forcing 300 residents from their homes. \"We have never seen water this high,\" the mayor said."}""",
            """{"id":"b","title":"Harbour town flooded by storm","text":"Some 300 residents of Eastport were forced from their homes after a storm flooded the harbour town on Monday. \"We have never seen the water this high,\" the mayor told reporters. Repairs to the sea wall will take several months, the council said."}""",
        ]);
        CliRunner.Run("ingest", jsonl, "--db", db);

        var report = CliRunner.Run("compare", "1", "--db", db);

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("(unknown outlet)", report.Output, StringComparison.Ordinal);
        Assert.Contains("undated", report.Output, StringComparison.Ordinal);
        Assert.Contains("Repairs to the sea wall will take several months", report.Output[report.Output.IndexOf("Only in b", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var json = CliRunner.Run("compare", "1", "--json", "--db", db);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var timeline = document.RootElement.GetProperty("timeline");
        Assert.All(timeline.EnumerateArray(), t => Assert.False(t.GetProperty("first").GetBoolean()));
        Assert.True(document.RootElement.GetProperty("passages").GetArrayLength() >= 1);
    }

    [Fact]
    public void Pairs_prints_one_scored_line_a_pair_and_reports_bad_lines()
    {
        using var temp = new TempDirectory();
        var tsv = temp.File("pairs.tsv");
        File.WriteAllText(tsv, "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
            + "1\t1\t2\tThe storm killed 12 people on Monday.\tTwelve people were killed by the storm on Monday.\n"
            + "0\t3\t4\tThe storm killed 12 people on Monday.\tShares of Apple rose 3 percent in early trading.\n"
            + "broken line\n");

        var result = CliRunner.Run("compare", "--pairs", tsv);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^1\t2\t0\.\d{4}\t[01]$", lines[0]);
        Assert.EndsWith("\t0", lines[1], StringComparison.Ordinal);
        Assert.Contains("pairs.tsv:4: expected 5 tab-separated fields", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_without_a_story_or_pairs_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run("compare").ExitCode);
    }

    [Fact]
    public void Show_sums_up_the_coverage_and_points_to_compare()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var output = CliRunner.Run("show", "1", "--db", db).Output;

        var coverage = output[output.IndexOf("Coverage ('storyline compare 1'", StringComparison.Ordinal)..];
        Assert.Contains("000_6c0088076a9363ac (unknown outlet): ", coverage, StringComparison.Ordinal);
        Assert.Contains("worded differently", coverage, StringComparison.Ordinal);
    }
}

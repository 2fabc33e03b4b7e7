namespace Storyline.Tests.Cli;

public sealed class ShowCommandTests
{
    [Fact]
    public void Show_on_the_seeds_lists_the_people_places_and_sources_of_the_story()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var output = CliRunner.Run("show", "1", "--db", db).Output;

        var people = output.Split('\n').Single(l => l.StartsWith("People: ", StringComparison.Ordinal));
        foreach (var name in new[] { "Elon Musk (2 art.", "Dmitry Novikov (2 art.", "Donald Trump", "Steve Bannon (2 art.", "Dmitry Peskov", "Edward Snowden", "Graham Phillips" })
        {
            Assert.Contains(name, people, StringComparison.Ordinal);
        }

        Assert.Contains("Places: Russia", output, StringComparison.Ordinal);
        // Plain-text files name no outlet: not counted as one, as `stories` does not count them.
        Assert.StartsWith("2 articles from 0 outlets (2 of unknown outlet); first 2025-06-07", output.Split('\n')[1], StringComparison.Ordinal);
        var sources = output[output.IndexOf("Sources cited:", StringComparison.Ordinal)..];
        Assert.Contains("TASS", sources, StringComparison.Ordinal);
        Assert.Contains("Moscow Times", sources, StringComparison.Ordinal);
        Assert.Contains("first published by PGurus", output, StringComparison.Ordinal);
        AssertQuotedBy(output, "Dmitry Novikov", "completely different game");
        AssertQuotedBy(output, "Steve Bannon", "illegal alien");
        AssertQuotedBy(output, "Dmitry Peskov", "domestic issue of the United States");
        AssertQuotedBy(output, "Dmitry Peskov", "handle this situation alone");
        AssertQuotedBy(output, "Dmitry Peskov", "handle this situation on his own");
    }

    /// <summary>The quote appears in the block of lines under the speaker's heading in "Quotes by speaker".</summary>
    private static void AssertQuotedBy(string output, string speaker, string words)
    {
        var lines = output[output.IndexOf("Quotes by speaker:", StringComparison.Ordinal)..].Split('\n');
        var block = lines.SkipWhile(l => l != $"  {speaker}:").Skip(1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal));
        Assert.Contains(block, l => l.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_without_analysis_stores_no_entities()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--no-analysis", "--db", db);

        var output = CliRunner.Run("show", "1", "--db", db).Output;

        Assert.DoesNotContain("People:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources cited:", output, StringComparison.Ordinal);
    }
}

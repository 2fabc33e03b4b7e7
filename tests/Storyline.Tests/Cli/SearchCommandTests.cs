using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class SearchCommandTests
{
    [Fact]
    public void Phrase_search_finds_both_seeds_with_their_story_and_a_marked_snippet()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var result = CliRunner.Run("search", "\"political asylum\"", "--json", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var hits = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(1, h.GetProperty("story").GetInt64()));
        Assert.All(hits, h => Assert.Contains("[political", h.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_headline_only_hit_is_one_line_without_an_empty_snippet()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        const string feed = """{"id": "h1", "outlet": "Reuters", "title": "Sbarro files for bankruptcy", "published": "2014-03-10"}""";
        CliRunner.RunWithInput(feed + "\n", "ingest", "-", "--db", db);

        var result = CliRunner.Run("search", "bankruptcy", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Reuters: Sbarro files for bankruptcy", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_matching_nothing_prints_nothing_and_succeeds()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var result = CliRunner.Run("search", "volcano", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_query_with_no_word_is_a_usage_error_naming_the_query()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var result = CliRunner.Run("search", "( - )", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("search query '( - )' has no word to search for", result.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class IngestCommandTests
{
    [Fact]
    public void Seeds_become_one_story_with_both_articles_and_reingesting_changes_nothing()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var seeds = temp.Path + "/seeds";
        Directory.CreateDirectory(seeds);
        foreach (var seed in Directory.GetFiles(TestPaths.Samples(), "*.txt"))
        {
            File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));
        }

        var first = CliRunner.Run("ingest", seeds, "--db", db);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("read 2, stored 2, duplicates 0, failed 0", first.Error, StringComparison.Ordinal);
        var before = CliRunner.Run("stories", "--json", "--db", db).Output;

        var second = CliRunner.Run("ingest", seeds, "--db", db);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("read 2, stored 0, duplicates 2, failed 0", second.Error, StringComparison.Ordinal);
        var after = CliRunner.Run("stories", "--json", "--db", db).Output;

        Assert.Equal(before, after);
        var lines = after.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var story = Assert.Single(lines);
        using var json = JsonDocument.Parse(story);
        var ids = json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["000_6c0088076a9363ac", "001_189017ad2c526773"], ids);
    }

    [Fact]
    public void Stories_json_on_the_seeds_matches_the_golden_file()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        Assert.Equal(0, CliRunner.Run("ingest", TestPaths.Samples("000_6c0088076a9363ac.txt"), TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db).ExitCode);

        var result = CliRunner.Run("stories", "--json", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var expected = File.ReadAllText(TestPaths.Data("cli", "seeds-stories.jsonl"));
        Assert.Equal(expected, result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Bad_inputs_are_named_the_rest_is_stored_and_the_exit_code_is_1()
    {
        using var temp = new TempDirectory();
        var inbox = Path.Combine(temp.Path, "inbox");
        File.Copy(TestPaths.Samples("001_189017ad2c526773.txt"), Path.Combine(Directory.CreateDirectory(inbox).FullName, "good.txt"));
        var binary = temp.Write("inbox/photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]);
        var corpus = temp.Write("inbox/corpus.jsonl",
            """{"id": "a1", "outlet": "Example News", "title": "Floods close the northern highway", "text": "Heavy rain closed the northern highway on Monday, officials said."}""" + "\n" +
            """{"id": "a2", "outlet": "Example News", "title": "broken""" + "\n");
        var db = temp.File("s.db");

        var result = CliRunner.Run("ingest", inbox, "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{binary}: binary content", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{corpus}:2: malformed JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("read 4, stored 2, duplicates 0, failed 2", result.Error, StringComparison.Ordinal);
        var stories = CliRunner.Run("stories", "--json", "--db", db).Output;
        Assert.Contains("\"id\":\"a1\"", stories, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"good\"", stories, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_stay_one_story_when_ingested_with_the_whole_samples_directory()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");

        Assert.Equal(0, CliRunner.Run("ingest", TestPaths.Samples(), "--db", db).ExitCode);

        var seedStories = CliRunner.Run("stories", "--json", "--db", db).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains("\"id\":\"00", StringComparison.Ordinal))
            .ToList();
        var story = Assert.Single(seedStories);
        Assert.Contains("\"id\":\"000_6c0088076a9363ac\"", story, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"001_189017ad2c526773\"", story, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_on_standard_input_is_ingested()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var input = """{"id": "x1", "outlet": "Wire", "title": "Quake hits coast", "published": "2024-01-02T03:04:05Z", "text": "A strong earthquake hit the coast."}""" + "\n";

        var result = CliRunner.RunWithInput(input, "ingest", "-", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"published\":\"2024-01-02T03:04:05Z\"", CliRunner.Run("stories", "--json", "--db", db).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("frobnicate")]
    [InlineData("stories", "--limit", "many")]
    [InlineData("show", "not-a-number")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Missing_story_is_a_usage_error_naming_it()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("ingest", TestPaths.Samples("001_189017ad2c526773.txt"), "--db", temp.File("s.db"));
        var result = CliRunner.Run("show", "42", "--db", temp.File("s.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no story 42", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_help()
    {
        foreach (var command in new[] { "ingest", "stories", "show", "extract", "search" })
        {
            var result = CliRunner.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        }
    }
}

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
    public void Articles_in_a_language_the_models_do_not_read_are_stored_without_analysis()
    {
        using var temp = new TempDirectory();
        var db = temp.File("s.db");
        var german = temp.File("bericht.txt");
        File.WriteAllText(german, string.Join("\n\n",
            "Bundeskanzler Friedrich Merz traf am Dienstag in Berlin den französischen Präsidenten Emmanuel Macron zu Gesprächen über die Zukunft der Europäischen Union.",
            "\"Wir werden die Zusammenarbeit vertiefen\", sagte Merz nach dem Treffen im Kanzleramt. Die Nachrichtenagentur dpa berichtete, beide Seiten hätten sich auf einen gemeinsamen Fahrplan geeinigt.",
            "Macron erklärte, Frankreich und Deutschland trügen eine besondere Verantwortung für die Stabilität des Kontinents und für die Unterstützung der Ukraine."));
        CliRunner.Run("ingest", german, TestPaths.Samples("001_189017ad2c526773.txt"), "--db", db);

        var stories = CliRunner.Run("stories", "--json", "--db", db).Output;
        var germanStory = stories.Split('\n').Single(l => l.Contains("Bundeskanzler", StringComparison.Ordinal) || l.Contains("bericht", StringComparison.Ordinal));
        var englishStory = stories.Split('\n').Single(l => l.Contains("Musk", StringComparison.Ordinal));
        var germanShow = CliRunner.Run("show", StoryId(germanStory), "--db", db).Output;
        var englishShow = CliRunner.Run("show", StoryId(englishStory), "--db", db).Output;

        Assert.DoesNotContain("People:", germanShow, StringComparison.Ordinal);
        Assert.DoesNotContain("Quotes by speaker:", germanShow, StringComparison.Ordinal);
        Assert.Contains("People:", englishShow, StringComparison.Ordinal);
    }

    private static string StoryId(string storyJson) =>
        System.Text.Json.JsonDocument.Parse(storyJson).RootElement.GetProperty("story").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

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

using Storyline.Analysis.Entities;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Analysis;

public sealed class EntityRecognizerTests
{
    private static readonly string Seed000 = File.ReadAllText(TestPaths.Samples("000_6c0088076a9363ac.txt"));
    private static readonly string Seed001 = File.ReadAllText(TestPaths.Samples("001_189017ad2c526773.txt"));

    [Fact]
    public void Offsets_point_at_the_mention()
    {
        const string text = "First Deputy Chairman Dmitry Novikov spoke to the Kremlin. Novikov said Elon Musk could stay in Russia.";
        var mentions = EntityRecognizer.Default.Recognize(text);
        Assert.All(mentions, m => Assert.Equal(m.Text, text[m.Start..m.End]));
        Assert.Contains(mentions, m => m is { Type: EntityType.Person, Text: "Dmitry Novikov" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Organization, Text: "Kremlin" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Person, Text: "Novikov", Canonical: "Dmitry Novikov" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Location, Text: "Russia" });
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Chairman", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    public void Seeds_name_their_people(string seed)
    {
        var text = seed == "000" ? Seed000 : Seed001;
        var mentions = EntityRecognizer.Default.Recognize(text);
        var people = mentions.Where(m => m.Type == EntityType.Person).Select(m => m.Canonical).ToHashSet();
        foreach (var name in new[] { "Dmitry Novikov", "Elon Musk", "Donald Trump", "Dmitry Peskov", "Edward Snowden", "Graham Phillips" })
        {
            Assert.Contains(name, people);
        }

        Assert.Contains(mentions, m => m is { Type: EntityType.Organization, Text: "TASS" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Organization, Text: "Kremlin" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Organization, Text: "SpaceX" });
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Person && m.Text == "Kremlin");

        // "between Musk and Trump" is two people, and "Musk" alone is Elon Musk.
        Assert.DoesNotContain(mentions, m => m.Type == EntityType.Person && m.Text.Contains(" and ", StringComparison.Ordinal));
        Assert.All(mentions.Where(m => m.Text == "Musk"), m => Assert.Equal("Elon Musk", m.Canonical));
    }

    [Fact]
    public void Recognizer_is_thread_safe()
    {
        var expected = EntityRecognizer.Default.Recognize(Seed001);
        var results = new IReadOnlyList<EntityMention>[8];
        Parallel.For(0, results.Length, i => results[i] = EntityRecognizer.Default.Recognize(Seed001));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Headlines_keep_only_names_known_from_the_body()
    {
        const string text = "Russia To Welcome Musk If Required\n\nElon Musk may seek asylum in Russia, lawmaker Dmitry Novikov said.";
        var mentions = EntityRecognizer.Default.Recognize(text);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("Welcome", StringComparison.Ordinal) || m.Text.Contains("Required", StringComparison.Ordinal));
        Assert.Contains(mentions, m => m is { Text: "Musk", Start: 18, Canonical: "Elon Musk" });
        Assert.Contains(mentions, m => m is { Type: EntityType.Person, Text: "Dmitry Novikov" });
    }

    [Fact]
    public void Empty_text_has_no_entities()
    {
        Assert.Empty(EntityRecognizer.Default.Recognize(string.Empty));
    }

    [Fact]
    public void Tags_are_valid_iob2()
    {
        var tags = EntityRecognizer.Default.TagTokens(["The", "lawmaker", "Dmitry", "Novikov", "said", "that", "Russia", "would", "help", "."]);
        Assert.Equal("B-PER", tags[2]);
        Assert.Equal("I-PER", tags[3]);
        Assert.Equal("B-LOC", tags[6]);
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i].StartsWith("I-", StringComparison.Ordinal))
            {
                Assert.True(i > 0 && tags[i - 1][2..] == tags[i][2..] && tags[i - 1] != "O");
            }
        }
    }

    [Fact]
    public void Scorer_counts_exact_matches_like_conlleval()
    {
        var scorer = new EntityScorer();
        scorer.Add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "I-PER", "O", "B-ORG"]);
        scorer.Add(["B-ORG", "I-ORG"], ["B-ORG", "O"]);
        var (p, r, f) = scorer.Overall();
        Assert.Equal(1.0 / 3, p, 6);
        Assert.Equal(1.0 / 3, r, 6);
        Assert.Equal(1.0 / 3, f, 6);
        Assert.Equal([(0, 2, "PER"), (2, 3, "LOC")], EntityScorer.Chunks(["B-PER", "I-PER", "I-LOC"]).Order());
    }

    [Fact]
    public void Cli_appends_a_tag_to_each_conll_line_and_keeps_blank_lines()
    {
        var result = CliRunner.Run("entities", TestPaths.Data("analysis", "sample.conll"), "--conll");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("Dmitry\tB-PER\tB-PER", lines[0]);
        Assert.Equal(string.Empty, lines[5]);
        Assert.Equal(9, lines.Count(l => l.Length > 0));
        Assert.All(lines.Where(l => l.Length > 0), l => Assert.Equal(3, l.Split('\t').Length));
    }

    [Fact]
    public void Cli_writes_json_lines_with_offsets_into_the_text()
    {
        var result = CliRunner.Run("entities", TestPaths.Samples("001_189017ad2c526773.txt"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.Output.Trim());
        var entities = document.RootElement.GetProperty("entities");
        Assert.True(entities.GetArrayLength() > 20);
        Assert.Contains(entities.EnumerateArray(), e => e.GetProperty("text").GetString() == "Novikov" && e.GetProperty("canonical").GetString() == "Dmitry Novikov");
    }

    [Fact]
    public void Cli_offsets_point_into_the_input_text_and_the_file_even_where_cleaning_dropped_lines()
    {
        // Seed 001's offsets are into the file as on disk (its date header counted).
        var seed = TestPaths.Samples("001_189017ad2c526773.txt");
        var fromFile = CliRunner.Run("entities", seed, "--json");
        using (var document = System.Text.Json.JsonDocument.Parse(fromFile.Output.Trim()))
        {
            var onDisk = File.ReadAllText(seed);
            Assert.Equal("input", document.RootElement.GetProperty("offsets").GetString());
            Assert.All(document.RootElement.GetProperty("entities").EnumerateArray(), e =>
                Assert.Equal(e.GetProperty("text").GetString(), onDisk[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));
        }

        // A JSONL text whose advertisement lines the cleaner drops: offsets are into the text as given.
        const string text = "Advertisement\n\nDmitry Novikov spoke in Moscow on Tuesday.\n\nAdvertisement\n\nThe Kremlin said Peskov would reply, TASS reported.";
        var line = System.Text.Json.JsonSerializer.Serialize(new { id = "a1", title = "Talks", text });
        var fromJsonl = CliRunner.RunWithInput(line + "\n", "entities", "-", "--json");
        Assert.Equal(0, fromJsonl.ExitCode);
        using var item = System.Text.Json.JsonDocument.Parse(fromJsonl.Output.Trim());
        var entities = item.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("text").GetString() == "Kremlin");
        Assert.All(entities, e => Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]));
        Assert.All(item.RootElement.GetProperty("sources").EnumerateArray(), s => Assert.Equal("TASS", text[s.GetProperty("start").GetInt32()..s.GetProperty("end").GetInt32()]));
    }

    [Fact]
    public void Missing_conll_file_fails_with_its_name()
    {
        var result = CliRunner.Run("entities", "/nonexistent/x.conll", "--conll");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/x.conll", result.Error, StringComparison.Ordinal);
    }
}

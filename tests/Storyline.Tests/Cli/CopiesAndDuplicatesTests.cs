using System.Text.Json;

namespace Storyline.Tests.Cli;

public sealed class CopiesAndDuplicatesTests
{
    private const string Body =
        "Mount Etna erupted on Sunday night, sending a column of ash several kilometres into the sky over eastern Sicily. " +
        "The airport in Catania suspended all flights early on Monday as ash fell on runways, the airport operator said in a statement. " +
        "Civil protection officials said no villages were in danger and lava flows stayed within the uninhabited Valle del Bove. " +
        "Volcanologists at the national institute said the eruption was the strongest of the year, though short-lived episodes are common at Etna.";

    [Fact]
    public void A_wire_reprint_is_linked_to_the_original_in_the_same_story()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("wire.jsonl", string.Join('\n',
            Line("orig", "Wire Agency", "2024-05-05T22:00:00Z", "Etna erupts, Catania airport shut", Body),
            Line("reprint", "Daily Paper", "2024-05-06T06:00:00Z", "Etna eruption closes Catania airport", Body + " Additional reporting by our Rome desk."),
            Line("other", "Daily Paper", "2024-05-06T07:00:00Z", "City council approves new budget",
                "The city council approved a new budget on Monday after a long debate about road repairs and school funding, officials said, and the mayor welcomed the vote.")) + "\n");
        var db = temp.File("s.db");

        var ingest = CliRunner.Run("ingest", corpus, "--db", db);

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("copies 1", ingest.Error, StringComparison.Ordinal);
        var etna = Stories(db).Single(s => s.Any(a => a.GetProperty("id").GetString() == "orig"));
        var original = etna.Single(a => a.GetProperty("id").GetString() == "orig");
        var reprint = etna.Single(a => a.GetProperty("id").GetString() == "reprint");
        Assert.Equal("orig", reprint.GetProperty("copy_of").GetString());
        Assert.Equal(["reprint"], original.GetProperty("copies").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("[copy of orig]", CliRunner.Run("show", "1", "--db", db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_text_from_another_outlet_is_one_article_with_every_source_kept()
    {
        using var temp = new TempDirectory();
        var first = temp.Write("a.jsonl", Line("a1", "Wire Agency", "2024-05-05T22:00:00Z", "Etna erupts", Body, "https://wire.example/etna") + "\n");
        var second = temp.Write("b.jsonl", Line("b7", "Daily Paper", "2024-05-06T06:00:00Z", "Etna erupts", Body, "https://daily.example/etna") + "\n");
        var db = temp.File("s.db");

        CliRunner.Run("ingest", first, "--db", db);
        var again = CliRunner.Run("ingest", second, "--db", db);
        var twice = CliRunner.Run("ingest", second, first, "--db", db);

        Assert.Contains("stored 0, duplicates 1", again.Error, StringComparison.Ordinal);
        Assert.Contains("stored 0, duplicates 2", twice.Error, StringComparison.Ordinal);
        var article = Assert.Single(Assert.Single(Stories(db)));
        var alsoAt = Assert.Single(article.GetProperty("also_at").EnumerateArray());
        Assert.Equal("https://daily.example/etna", alsoAt.GetProperty("url").GetString());
        Assert.Equal("Daily Paper", alsoAt.GetProperty("outlet").GetString());
    }

    private static string Line(string id, string outlet, string published, string title, string text, string? url = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = id, ["outlet"] = outlet, ["published"] = published, ["title"] = title, ["text"] = text, ["url"] = url });

    private static List<List<JsonElement>> Stories(string db) =>
        [.. CliRunner.Run("stories", "--json", "--db", db).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("articles").EnumerateArray().ToList())];
}

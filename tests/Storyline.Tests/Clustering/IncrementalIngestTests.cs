using Storyline.Storage;

namespace Storyline.Tests.Clustering;

/// <summary>Grouping state survives between ingests: a later report joins the story an earlier ingest started.</summary>
public sealed class IncrementalIngestTests
{
    private const string Background =
        """
        {"id": "b1", "outlet": "Daily", "published": "2024-03-01", "title": "Central bank raises interest rates to fight inflation", "text": "The central bank raised interest rates again to fight inflation, and markets fell."}
        {"id": "b2", "outlet": "Daily", "published": "2024-03-01", "title": "Football club signs striker in record transfer", "text": "The club signed a striker in a record transfer deal before the season."}
        """;

    private const string First =
        """{"id": "e1", "outlet": "Wire", "published": "2024-03-02T08:00:00Z", "title": "Etna eruption shuts Catania airport", "text": "Mount Etna erupted on Saturday, and ash closed the airport in Catania, Sicily."}""";

    private const string Second =
        """{"id": "e2", "outlet": "Herald", "published": "2024-03-02T15:00:00Z", "title": "Catania airport closed as Etna erupts", "text": "Ash from an eruption of Etna closed Catania airport in Sicily on Saturday."}""";

    [Fact]
    public void A_report_ingested_later_joins_the_story_of_an_earlier_ingest()
    {
        using var temp = new TempDirectory();
        var first = temp.Write("a.jsonl", Background + "\n" + First + "\n");
        var second = temp.Write("b.jsonl", Second + "\n");
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        var report1 = StorylinePipeline.Default.Ingest([first], store);
        var report2 = StorylinePipeline.Default.Ingest([second], store);

        Assert.Equal(3, report1.StoriesCreated);
        Assert.Equal(0, report2.StoriesCreated);
        Assert.Equal(1, report2.StoriesUpdated);
        var etna = store.ListStories().Single(s => s.Articles.Any(a => a.ExternalId == "e1"));
        Assert.Equal(["e1", "e2"], etna.Articles.Select(a => a.ExternalId));
        Assert.Equal("2024-03-02T15:00:00Z", etna.LastUpdated);
        Assert.Equal(etna.Id, store.ListStories()[0].Id); // newest activity first
    }

    [Fact]
    public void Ingesting_in_two_parts_groups_as_ingesting_at_once()
    {
        using var temp = new TempDirectory();
        var whole = temp.Write("whole.jsonl", Background + "\n" + First + "\n" + Second + "\n");
        var partA = temp.Write("a.jsonl", Background + "\n" + First + "\n");
        var partB = temp.Write("b.jsonl", Second + "\n");

        using var together = SqliteStoryStore.Open(temp.File("together.db"));
        StorylinePipeline.Default.Ingest([whole], together);
        using var apart = SqliteStoryStore.Open(temp.File("apart.db"));
        StorylinePipeline.Default.Ingest([partA], apart);
        StorylinePipeline.Default.Ingest([partB], apart);

        Assert.Equal(Partition(together), Partition(apart));
        Assert.Equal(3, together.Counts().Stories);
    }

    private static string[] Partition(SqliteStoryStore store) =>
        [.. store.ListStories().Select(s => string.Join(",", s.Articles.Select(a => a.ExternalId).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}

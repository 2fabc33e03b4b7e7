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
        var (together, apart) = TogetherAndApart([Background, First], [Second]);

        Assert.Equal(together, apart);
        Assert.Equal(3, together.Length);
    }

    private const string EtnaDay1 =
        """{"id": "x1", "outlet": "Wire", "published": "2024-03-01T08:00:00Z", "title": "Etna erupts, Catania airport shut", "text": "Mount Etna erupted on Friday and a cloud of ash closed the airport in Catania, Sicily, officials said."}""";

    private const string EtnaUndated =
        """{"id": "x2", "outlet": "Herald", "title": "Ash from Etna keeps Catania airport closed", "text": "Ash from Mount Etna kept the airport in Catania, Sicily, closed as the volcano kept erupting, officials said."}""";

    private const string UnrelatedDay3 =
        """{"id": "y1", "outlet": "Daily", "published": "2024-03-03T09:00:00Z", "title": "Football club signs striker", "text": "The football club signed a striker in a record transfer deal before the new season began."}""";

    private const string EtnaDay9 =
        """{"id": "x3", "outlet": "Courier", "published": "2024-03-09T10:00:00Z", "title": "Catania airport reopens after Etna ash", "text": "The airport in Catania, Sicily, reopened after ash from Mount Etna had closed it, officials said on Saturday."}""";

    /// <summary>
    /// An undated report between two dated ones is grouped as if at either neighbour's time, which keeps its story
    /// open until the later one; the store keeps both times, so a later ingest restores the story as it was.
    /// </summary>
    [Fact]
    public void An_undated_member_is_restored_at_the_times_it_was_grouped_at()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("a.jsonl", EtnaDay1 + "\n" + EtnaUndated + "\n" + UnrelatedDay3 + "\n");
        using var store = SqliteStoryStore.Open(temp.File("s.db"));
        StorylinePipeline.Default.Ingest([file], store);

        var restored = store.OpenStories(new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero)).SelectMany(s => store.ReadStory(s.StoryId)).ToList();

        // The Etna story's latest dated article is before the horizon, but its undated member may be as late as day 3.
        var undated = restored.Single(r => r.Item.Title!.StartsWith("Ash", StringComparison.Ordinal)).Item;
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero), undated.Time);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 9, 0, 0, TimeSpan.Zero), undated.Until);
        Assert.Contains(restored, r => r.Item.Title!.StartsWith("Etna", StringComparison.Ordinal));
    }

    [Fact]
    public void With_an_undated_report_ingesting_in_two_parts_groups_as_ingesting_at_once()
    {
        var (together, apart) = TogetherAndApart([EtnaDay1, EtnaUndated, UnrelatedDay3], [EtnaDay9]);

        Assert.Equal(together, apart);
        Assert.Contains("x1,x2,x3", together); // the day-9 report joins the story its undated member kept open
    }

    private const string UnrelatedJune =
        """{"id": "y2", "outlet": "Daily", "published": "2024-06-01T09:00:00Z", "title": "Club sells striker after one season", "text": "The football club sold the striker it had signed in a record transfer deal, after one season."}""";

    /// <summary>
    /// An undated report whose story began in an earlier ingest is dated by that story's article, found in the store,
    /// not by the only dated article of its own batch (months later, another subject), so it joins the story as it
    /// does when both files are ingested at once.
    /// </summary>
    [Fact]
    public void An_undated_report_of_a_story_from_an_earlier_ingest_joins_it()
    {
        var (together, apart) = TogetherAndApart([EtnaDay1, Background], [EtnaUndated, UnrelatedJune]);

        Assert.Equal(together, apart);
        Assert.Contains("x1,x2", apart);
    }

    private const string Wire =
        "Firefighters in the northern province contained a forest fire that had burned for four days across the hills above the river valley, " +
        "the regional emergency service said on Sunday, after rain and lighter winds helped crews close the last open section of the line near the old mill.";

    /// <summary>
    /// A backfill: an older report ingested after a later reprint of it is neither marked a copy of the reprint (the
    /// earlier one is the original) nor put in the reprint's story three months later, which it could never have
    /// joined had both been ingested at once.
    /// </summary>
    [Fact]
    public void An_older_report_ingested_later_is_not_a_copy_of_a_later_reprint()
    {
        using var temp = new TempDirectory();
        var reprint = temp.Write("a.jsonl", $$"""{"id": "reprint", "outlet": "Daily", "published": "2024-06-10", "title": "Forest fire contained", "text": "{{Wire}} Reprinted."}""" + "\n");
        var original = temp.Write("b.jsonl", $$"""{"id": "original", "outlet": "Wire", "published": "2024-03-01", "title": "Forest fire contained", "text": "{{Wire}}"}""" + "\n");
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        StorylinePipeline.Default.Ingest([reprint], store);
        var reprintStory = store.ListStories().Single().Id;
        var report = StorylinePipeline.Default.Ingest([original], store);

        Assert.Equal(0, report.CopiesFound);
        Assert.Equal(1, report.StoriesCreated);
        Assert.Equal(1, report.Regrouped); // the reprint, later than the batch: grouped again, into a story of the same id
        Assert.Equal(2, store.ListStories().Count);
        Assert.Equal(["reprint"], store.GetStory(reprintStory)!.Articles.Select(a => a.ExternalId));
    }

    /// <summary>
    /// The other backfill: a reprint stored days before the report it reprinted arrives. Ingested at once, the report is
    /// the original and the reprint its copy, in its story; ingested later, the report joins the reprint's story and the
    /// stored reprint becomes its copy, and so does the reprint's own stored copy (a copy of a copy is a copy of the original):
    /// by default because the stored articles after the report are grouped again with it; without regrouping (a limit of
    /// 0) because the reprint is found ahead in the stored signatures.
    /// </summary>
    [Theory]
    [InlineData(100_000, 2, 4, 1)] // regrouped: the reprint, the repost and the two background reports of the report's day
    [InlineData(0, 1, 0, 0)]
    public void A_stored_reprint_becomes_the_copy_of_an_older_report_ingested_later(int regroupLimit, int copies, int regrouped, int created)
    {
        var reprint = $$"""{"id": "reprint", "outlet": "Daily", "published": "2024-03-04", "title": "Forest fire contained", "text": "{{Wire}} Reprinted."}""";
        var reprintOfReprint = $$"""{"id": "repost", "outlet": "Aggregator", "published": "2024-03-06", "title": "Forest fire contained", "text": "{{Wire}} Reprinted. Reposted."}""";
        var original = $$"""{"id": "original", "outlet": "Wire", "published": "2024-03-01", "title": "Forest fire contained", "text": "{{Wire}}"}""";
        using var temp = new TempDirectory();
        var first = temp.Write("a.jsonl", Background + "\n" + reprint + "\n" + reprintOfReprint + "\n");
        var second = temp.Write("b.jsonl", original + "\n");
        var whole = temp.Write("whole.jsonl", Background + "\n" + reprint + "\n" + reprintOfReprint + "\n" + original + "\n");
        using var apart = SqliteStoryStore.Open(temp.File("apart.db"));
        using var together = SqliteStoryStore.Open(temp.File("together.db"));

        var pipeline = new StorylinePipelineBuilder().UseRegroupLimit(regroupLimit).Build();
        var before = pipeline.Ingest([first], apart);
        var reprintStory = apart.ListStories().Single(s => s.Articles.Any(a => a.ExternalId == "reprint")).Id;
        var report = pipeline.Ingest([second], apart);
        pipeline.Ingest([whole], together);

        Assert.Equal(1, before.CopiesFound); // the repost, of the reprint
        Assert.Equal(copies, report.CopiesFound); // the reprint, of the report (and the repost again when regrouped)
        Assert.Equal(regrouped, report.Regrouped);
        Assert.Equal(created, report.StoriesCreated); // regrouped, the story is started by the report, under a new id
        Assert.Equal(Partition(together), Partition(apart));
        Assert.Equal(Copies(together), Copies(apart));
        Assert.Equal(["original: ", "repost: original", "reprint: original"], Copies(apart).Where(c => !c.StartsWith('b')));

        // The reprint's story, formed again around the report under a new id when regrouped: its id leads there.
        var now = apart.ListStories().Single(s => s.Articles.Any(a => a.ExternalId == "original"));
        Assert.Equal(now.Id, apart.GetStory(reprintStory)!.Id);
        Assert.Equal(regrouped == 0, now.Id == reprintStory);
    }

    private const string EtnaDay5 =
        """{"id": "x4", "outlet": "Gazette", "published": "2024-03-05T10:00:00Z", "title": "Etna ash still grounds Catania flights", "text": "Flights from the airport in Catania, Sicily, stayed grounded by ash from Mount Etna, officials said on Tuesday."}""";

    /// <summary>
    /// A batch whose times fall among stored ones: the stored articles from its first time on are grouped again with it,
    /// in one stream, so the stories are those of one ingest; the ones before stay as they were.
    /// </summary>
    [Fact]
    public void A_batch_among_stored_times_regroups_what_follows_it()
    {
        using var temp = new TempDirectory();
        var first = temp.Write("a.jsonl", string.Join("\n", Background, EtnaDay1, UnrelatedDay3, EtnaDay9) + "\n");
        var second = temp.Write("b.jsonl", EtnaDay5 + "\n");
        using var store = SqliteStoryStore.Open(temp.File("s.db"));
        StorylinePipeline.Default.Ingest([first], store);

        var report = StorylinePipeline.Default.Ingest([second], store);

        Assert.Equal(1, report.Regrouped); // x3 of day 9; day 1 and day 3 stay
        var (together, apart) = TogetherAndApart([Background, EtnaDay1, UnrelatedDay3, EtnaDay9], [EtnaDay5]);
        Assert.Equal(together, apart);
        Assert.Equal(together, Partition(store));

        // Titles, spans and counts as well: the story that lost x3 and got it back is saved again.
        using var once = SqliteStoryStore.Open(temp.File("once.db"));
        StorylinePipeline.Default.Ingest([temp.Write("all.jsonl", string.Join("\n", Background, EtnaDay1, UnrelatedDay3, EtnaDay9, EtnaDay5) + "\n")], once);
        Assert.Equal(Summaries(once), Summaries(store));
    }

    private static string[] Summaries(SqliteStoryStore store) =>
        [.. store.ListStories().Select(s => $"{s.Title} | {s.FirstSeen} | {s.LastUpdated} | {s.Articles.Count}").Order(StringComparer.Ordinal)];

    private static string[] Copies(SqliteStoryStore store) =>
        [.. store.ListStories().SelectMany(s => s.Articles).Select(a => $"{a.ExternalId}: {a.CopyOf}").Order(StringComparer.Ordinal)];

    /// <summary>The stories of the lines of A and B ingested as one file, and of A then B ingested one after the other.</summary>
    private static (string[] Together, string[] Apart) TogetherAndApart(string[] linesA, string[] linesB)
    {
        using var temp = new TempDirectory();
        var whole = temp.Write("whole.jsonl", string.Join("\n", [.. linesA, .. linesB]) + "\n");
        var partA = temp.Write("a.jsonl", string.Join("\n", linesA) + "\n");
        var partB = temp.Write("b.jsonl", string.Join("\n", linesB) + "\n");
        using var together = SqliteStoryStore.Open(temp.File("together.db"));
        StorylinePipeline.Default.Ingest([whole], together);
        using var apart = SqliteStoryStore.Open(temp.File("apart.db"));
        StorylinePipeline.Default.Ingest([partA], apart);
        StorylinePipeline.Default.Ingest([partB], apart);
        return (Partition(together), Partition(apart));
    }

    private static string[] Partition(SqliteStoryStore store) =>
        [.. store.ListStories().Select(s => string.Join(",", s.Articles.Select(a => a.ExternalId).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
}

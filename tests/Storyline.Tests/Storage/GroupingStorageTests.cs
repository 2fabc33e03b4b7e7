using Storyline.Clustering;
using Storyline.Extraction;
using Storyline.Storage;
using static Storyline.Tests.Storage.StoreTestData;

namespace Storyline.Tests.Storage;

public sealed class GroupingStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly SqliteStoryStore _store;

    public GroupingStorageTests()
    {
        _path = _temp.File("store.db");
        _store = SqliteStoryStore.Open(_path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private static DateTimeOffset Utc(string published) => DateParser.Parse(published)!.Value.Utc;

    /// <summary>Stores five articles (added out of publication order) and groups them into three stories.</summary>
    private (long A, long B, long C, long D, long E) SeedThreeStories()
    {
        var ids = _store.AddArticles([
            Article("b", "Text b.", outlet: "Outlet B", published: "2025-06-08T10:00:00Z"),
            Article("a", "Text a.", outlet: "Outlet A", published: "2025-06-07"),
            Article("d", "Text d.", outlet: null),
            Article("c", "Text c.", outlet: "Outlet C", published: "2025-06-05T09:00:00"),
            Article("e", "Text e."),
        ]);
        var (b, a, d, c, e) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        _store.SaveGrouping(
            [new(b, 1, true, 0), new(a, 1, false, 0.8), new(d, 2, true, 0), new(c, 2, false, 0.5), new(e, 3, true, 0)],
            [
                new StorySnapshot(1, "Story one", Utc("2025-06-07"), Utc("2025-06-08T10:00:00Z"), 2),
                new StorySnapshot(2, "Story two", Utc("2025-06-05T09:00:00"), Utc("2025-06-05T09:00:00"), 2),
                new StorySnapshot(3, "Undated story", null, null, 1),
            ],
            new TermStatistics());
        return (a, b, c, d, e);
    }

    /// <summary>Articles in a story with a time of their own, holding two of the terms, newest first; not the others.</summary>
    [Fact]
    public void Grouped_dated_articles_are_found_by_any_two_of_the_terms()
    {
        var ids = _store.AddArticles([
            Article("old", "Ash from Etna closed the airport in Catania.", published: "2025-06-01"),
            Article("new", "Catania airport reopened after the Etna ash.", published: "2025-06-03"),
            Article("one", "Etna erupted again.", published: "2025-06-04"),
            Article("undated", "Ash from Etna closed Catania airport."),
            Article("ungrouped", "Etna ash closed Catania airport again.", published: "2025-06-05"),
        ]);
        _store.SaveGrouping(
            [new(ids[0], 1, true, 0), new(ids[1], 1, false, 0.8), new(ids[2], 2, true, 0), new(ids[3], 1, false, 0.7)],
            [new StorySnapshot(1, "Etna", Utc("2025-06-01"), Utc("2025-06-03"), 3), new StorySnapshot(2, "Etna again", Utc("2025-06-04"), Utc("2025-06-04"), 1)],
            new TermStatistics());
        _store.IndexPendingText();

        Assert.Equal([ids[1], ids[0]], _store.FindGroupedByTerms(["etna", "catania", "volcano"], 10));
        Assert.Equal([ids[1]], _store.FindGroupedByTerms(["etna", "catania"], 1));
        Assert.Empty(_store.FindGroupedByTerms(["etna"], 10));
        Assert.Empty(_store.FindGroupedByTerms(["etna\" OR \"ash", "nothing"], 10)); // a quote cannot break out of its term
    }

    /// <summary>What grouping reads of earlier ingests can be bounded above by the batch's last time.</summary>
    [Fact]
    public void Open_stories_and_signatures_are_read_up_to_a_time_when_given_one()
    {
        SeedThreeStories();
        const string Text = "A long enough text for a signature: the council voted on Monday to close the old bridge to traffic after engineers found cracks in two of its piers.";
        var signed = _store.AddArticles([
            Article("early", Text, published: "2025-06-05") with { Signature = Storyline.Dedup.MinHashSignature.Compute(Text) },
            Article("late", Text + " Updated.", published: "2025-06-09") with { Signature = Storyline.Dedup.MinHashSignature.Compute(Text + " Updated.") },
        ]);
        _store.SaveGrouping([new(signed[0], 4, true, 0), new(signed[1], 5, true, 0)],
            [new StorySnapshot(4, "Early", Utc("2025-06-05"), Utc("2025-06-05"), 1), new StorySnapshot(5, "Late", Utc("2025-06-09"), Utc("2025-06-09"), 1)],
            new TermStatistics());

        Assert.Equal([4L, 2L, 1L, 5L], _store.OpenStories(Utc("2025-06-04")).Select(s => s.StoryId));
        Assert.Equal([4L, 2L], _store.OpenStories(Utc("2025-06-04"), Utc("2025-06-06")).Select(s => s.StoryId));
        Assert.Equal([signed[0], signed[1]], _store.ReadSignatures(Utc("2025-06-01")).Select(e => e.ArticleId));
        Assert.Equal([signed[0]], _store.ReadSignatures(Utc("2025-06-01"), Utc("2025-06-06")).Select(e => e.ArticleId));
    }

    [Fact]
    public void Stories_round_trip_newest_activity_first_with_articles_earliest_first()
    {
        var (a, b, c, d, e) = SeedThreeStories();

        var stories = _store.ListStories();

        Assert.Equal([1L, 2L, 3L], stories.Select(s => s.Id));
        Assert.Equal(["Story one", "Story two", "Undated story"], stories.Select(s => s.Title));
        Assert.Equal([a, b], stories[0].Articles.Select(x => x.Id));
        Assert.Equal([c, d], stories[1].Articles.Select(x => x.Id));
        Assert.Equal([e], stories[2].Articles.Select(x => x.Id));
    }

    [Fact]
    public void First_seen_and_last_updated_are_the_members_published_strings()
    {
        SeedThreeStories();

        var stories = _store.ListStories();

        Assert.Equal("2025-06-07", stories[0].FirstSeen);
        Assert.Equal("2025-06-08T10:00:00Z", stories[0].LastUpdated);
        Assert.Equal("2025-06-05T09:00:00", stories[1].FirstSeen);
        Assert.Equal("2025-06-05T09:00:00", stories[1].LastUpdated);
        Assert.Null(stories[2].FirstSeen);
        Assert.Null(stories[2].LastUpdated);
    }

    [Fact]
    public void Stored_articles_carry_their_listing_fields()
    {
        var (a, _, _, d, _) = SeedThreeStories();

        var story = _store.GetStory(1)!;
        var first = story.Articles[0];

        Assert.Empty(first.AlsoAt);
        Assert.Equal(new StoredArticle(a, "a", "Outlet A", "Title of a", "2025-06-07", "https://example.com/a", "a.txt") { AlsoAt = first.AlsoAt }, first);
        var undated = _store.GetStory(2)!.Articles.Single(x => x.Id == d);
        Assert.Null(undated.Outlet);
        Assert.Null(undated.Published);
    }

    [Fact]
    public void Get_story_matches_the_listing_and_unknown_ids_give_null()
    {
        SeedThreeStories();

        Assert.Equivalent(_store.ListStories()[1], _store.GetStory(2), strict: true);
        Assert.Null(_store.GetStory(999));
    }

    [Fact]
    public void List_limit_is_honoured()
    {
        SeedThreeStories();

        Assert.Equal([1L], _store.ListStories(limit: 1).Select(s => s.Id));
    }

    [Fact]
    public void Grouping_state_is_visible_to_the_next_run()
    {
        var (a, b, _, _, _) = SeedThreeStories();

        Assert.Empty(_store.UngroupedArticles());
        Assert.Equal(4, _store.NextStoryId());
        Assert.Equal(new StoreCounts(5, 3, 4), _store.Counts());
        Assert.Equal(1, _store.ReadForClustering(a).StoryId);
        Assert.Equal(Utc("2025-06-08T10:00:00Z"), _store.LatestStoryActivity());
        Assert.Equal([(1L, (DateTimeOffset?)Utc("2025-06-07"))], _store.OpenStories(Utc("2025-06-06")));
        var members = _store.ReadStory(1).ToList();
        Assert.Equal([a, b], members.Select(o => o.Item.Id));
        Assert.All(members, o => Assert.Equal(1, o.StoryId));
    }

    [Fact]
    public void Empty_store_has_no_stories()
    {
        Assert.Empty(_store.ListStories());
        Assert.Equal(1, _store.NextStoryId());
        Assert.Null(_store.LatestStoryActivity());
        var statistics = _store.LoadTermStatistics();
        Assert.Equal(0, statistics.DocumentCount);
        Assert.Equal(0, statistics.TermCount);
    }

    [Fact]
    public void Saving_a_story_again_updates_it_in_place()
    {
        SeedThreeStories();
        var late = _store.AddArticles([Article("f", "Text f.", published: "2025-06-09T08:00:00Z")])[0];

        _store.SaveGrouping(
            [new(late, 2, false, 0.7)],
            [new StorySnapshot(2, "Story two, updated", Utc("2025-06-05T09:00:00"), Utc("2025-06-09T08:00:00Z"), 3)],
            new TermStatistics());

        var stories = _store.ListStories();
        Assert.Equal([2L, 1L, 3L], stories.Select(s => s.Id));
        Assert.Equal("Story two, updated", stories[0].Title);
        Assert.Equal(3, stories[0].Articles.Count);
        Assert.Equal("2025-06-09T08:00:00Z", stories[0].LastUpdated);
        Assert.Equal(3, _store.Counts().Stories);
    }

    [Fact]
    public void Term_statistics_round_trip_and_accumulate_across_saves()
    {
        var statistics = new TermStatistics();
        statistics.AddDocument(["musk", "asylum"]);
        statistics.AddDocument(["musk"]);
        _store.SaveGrouping([], [], statistics);
        Assert.Empty(statistics.PendingChanges);

        var loaded = _store.LoadTermStatistics();
        Assert.Equal(2, loaded.DocumentCount);
        Assert.Equal(2, loaded.TermCount);
        Assert.Equal(statistics.Idf("musk"), loaded.Idf("musk"), 12);
        Assert.Equal(Math.Log(3.0 / 2.0) + 1.0, loaded.Idf("asylum"), 12);

        loaded.AddDocument(["musk", "trump"]);
        _store.SaveGrouping([], [], loaded);
        _store.SaveGrouping([], [], loaded); // nothing pending: must not count twice

        var again = _store.LoadTermStatistics();
        Assert.Equal(3, again.DocumentCount);
        Assert.Equal(3, again.TermCount);
        Assert.Equal(3L, Scalar(_path, "SELECT df FROM term_stats WHERE term = 'musk';"));
        Assert.Equal(1L, Scalar(_path, "SELECT df FROM term_stats WHERE term = 'trump';"));
        Assert.Equal(1L, Scalar(_path, "SELECT df FROM term_stats WHERE term = 'asylum';"));
        Assert.Equal(Math.Log(4.0 / 4.0) + 1.0, again.Idf("musk"), 12);
    }

    [Fact]
    public void Failed_save_writes_nothing_and_keeps_pending_term_changes()
    {
        var id = _store.AddArticles([Article("x", "Text x.")])[0];
        var statistics = new TermStatistics();
        statistics.AddDocument(["musk"]);

        Assert.ThrowsAny<Exception>(() => _store.SaveGrouping(
            [new(id, 1, true, 0), new(id + 1000, 1, false, 0.9)],
            [new StorySnapshot(1, "Broken", null, null, 2)],
            statistics));

        Assert.Equal(0, _store.Counts().Stories);
        Assert.Single(_store.UngroupedArticles());
        Assert.Equal(0, _store.LoadTermStatistics().DocumentCount);
        Assert.Equal(0L, Scalar(_path, "SELECT count(*) FROM term_stats;"));
        Assert.Equal(1, statistics.PendingChanges["musk"]);
    }
}

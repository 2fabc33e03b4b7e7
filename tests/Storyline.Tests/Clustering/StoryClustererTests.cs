using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Background =
    [
        "Central bank raises interest rates to fight inflation as markets fall",
        "Football club signs striker in record transfer deal before the season",
        "Heavy snow closes mountain roads and schools across the northern region",
        "New smartphone launched with bigger battery and faster camera features",
    ];

    [Fact]
    public void The_seeds_form_one_story()
    {
        var seeds = StorylinePipeline.Default.Extract(Directory.GetFiles(TestPaths.Samples(), "*.txt").Order(StringComparer.Ordinal))
            .Select(r => r.Article!)
            .ToList();
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());

        var assignments = seeds.Select((a, i) => clusterer.Add(new ClusterItem(i, a.Title, a.Text, a.Published?.Utc))).ToList();

        Assert.Equal(2, assignments.Count);
        Assert.True(assignments[0].StartedStory);
        Assert.False(assignments[1].StartedStory);
        Assert.Equal(assignments[0].StoryId, assignments[1].StoryId);
    }

    [Fact]
    public void Reports_of_different_events_start_different_stories()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());

        var stories = Background.Select((text, i) => clusterer.Add(new ClusterItem(i, text, text, Day1)).StoryId).ToList();

        Assert.Equal(Background.Length, stories.Distinct().Count());
    }

    [Fact]
    public void Two_reports_of_one_event_join_but_not_across_the_time_window()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());
        foreach (var (text, i) in Background.Select((t, i) => (t, i)))
        {
            clusterer.Add(new ClusterItem(100 + i, text, text, Day1));
        }

        const string Report = "Volcano erupts near Catania, Etna ash cloud closes Sicily airport";
        var first = clusterer.Add(new ClusterItem(1, Report, "Mount Etna erupted on Sunday, sending ash over Catania and closing the airport.", Day1));
        var sameDay = clusterer.Add(new ClusterItem(2, "Etna eruption shuts Catania airport", "An eruption of Etna closed Catania airport as ash fell on Sicily.", Day1.AddHours(6)));
        var weeksLater = clusterer.Add(new ClusterItem(3, Report, "Mount Etna erupted on Sunday, sending ash over Catania and closing the airport.", Day1.AddDays(20)));

        Assert.Equal(first.StoryId, sameDay.StoryId);
        Assert.True(sameDay.Similarity >= ClusteringOptions.Default.JoinProbability);
        Assert.NotEqual(first.StoryId, weeksLater.StoryId);
        Assert.True(weeksLater.StartedStory);
    }

    [Fact]
    public void A_restored_story_takes_a_new_report_and_new_ids_continue_after_it()
    {
        var statistics = new TermStatistics();
        statistics.AddDocument(["etna", "catania", "airport", "eruption", "ash"]);
        var clusterer = new StoryClusterer(ClusteringOptions.Default, statistics, nextStoryId: 1);
        clusterer.Restore(new ClusterItem(1, "Etna eruption shuts Catania airport", "Ash from Etna closed Catania airport.", Day1), storyId: 7);

        var joined = clusterer.Add(new ClusterItem(2, "Catania airport closed by Etna ash", "Etna's eruption closed the airport in Catania.", Day1.AddHours(3)));
        var fresh = clusterer.Add(new ClusterItem(3, Background[0], Background[0], Day1.AddHours(4)));

        Assert.Equal(7, joined.StoryId);
        Assert.False(joined.StartedStory);
        Assert.Equal(8, fresh.StoryId);
        Assert.Equal(3, statistics.DocumentCount); // the restored article was counted when it was first grouped
    }

    [Fact]
    public void Changed_stories_report_the_central_title_and_span()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());
        clusterer.Add(new ClusterItem(1, "Etna eruption shuts Catania airport", "Etna erupted; Catania airport shut by ash.", Day1));
        clusterer.Add(new ClusterItem(2, "Etna eruption shuts Catania airport again", "Etna erupted again; Catania airport shut by ash.", Day1.AddDays(1)));

        var story = Assert.Single(clusterer.TakeChangedStories());

        Assert.Equal(2, story.ArticleCount);
        Assert.Equal(Day1, story.FirstSeen);
        Assert.Equal(Day1.AddDays(1), story.LastUpdated);
        Assert.StartsWith("Etna eruption shuts Catania airport", story.Title, StringComparison.Ordinal);
        Assert.Empty(clusterer.TakeChangedStories());
    }

    [Fact]
    public void Stories_close_once_the_stream_passes_their_window()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default with { Window = TimeSpan.FromDays(1) }, new TermStatistics());
        clusterer.Add(new ClusterItem(1, Background[0], Background[0], Day1));
        clusterer.Add(new ClusterItem(2, Background[1], Background[1], Day1.AddHours(1)));
        Assert.Equal(2, clusterer.OpenStoryCount);

        clusterer.Add(new ClusterItem(3, Background[2], Background[2], Day1.AddDays(3)));

        Assert.Equal(1, clusterer.OpenStoryCount);
    }

    [Fact]
    public void Idf_weighs_rare_terms_above_common_ones()
    {
        var statistics = new TermStatistics();
        statistics.AddDocument(["common", "rare"]);
        statistics.AddDocument(["common"]);
        statistics.AddDocument(["common"]);

        Assert.True(statistics.Idf("rare") > statistics.Idf("common"));
        Assert.True(statistics.Idf("unseen") > statistics.Idf("rare"));
        Assert.Equal(2, statistics.TakeChanges().Count);
        Assert.Empty(statistics.PendingChanges);
    }

    [Fact]
    public void Headline_only_items_are_grouped_by_their_titles()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());
        foreach (var (text, i) in Background.Select((t, i) => (t, i)))
        {
            clusterer.Add(new ClusterItem(100 + i, text, string.Empty, Day1));
        }

        var a = clusterer.Add(new ClusterItem(1, "Fed's Plosser sees high bar for change in pace of tapering", string.Empty, Day1));
        var b = clusterer.Add(new ClusterItem(2, "Plosser: Fed tapering pace unlikely to change", string.Empty, Day1.AddHours(1)));

        Assert.Equal(a.StoryId, b.StoryId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_two_article_story_takes_the_headline_not_the_lead_sentence_whatever_the_order(bool leadFirst)
    {
        const string Headline = "Etna eruption shuts Catania airport";
        const string Lead = "Mount Etna erupted on Sunday night and the airport in Catania shut as ash fell across eastern Sicily for many hours";
        const string Text = "Mount Etna erupted on Sunday night and the airport in Catania shut as ash fell across eastern Sicily for many hours.";
        var clusterer = new StoryClusterer(ClusteringOptions.Default, new TermStatistics());
        var titles = leadFirst ? new[] { Lead, Headline } : [Headline, Lead];

        clusterer.Add(new ClusterItem(1, titles[0], Text, Day1));
        clusterer.Add(new ClusterItem(2, titles[1], Text, Day1.AddHours(1)));

        Assert.Equal(Headline, Assert.Single(clusterer.TakeChangedStories()).Title);
    }
}

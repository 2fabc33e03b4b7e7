using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class TermStatisticsTests
{
    private static readonly ClusterItem[] Items =
    [
        new(1, "Harbour barrier opens after decade of delays", "The new flood barrier at the mouth of the harbour opened on Tuesday, ten years after work began.", null),
        new(2, "Flood barrier cost twice its budget", "Critics on the city council said the barrier cost nearly twice its original budget.", null),
        new(3, "Council votes on the harbour budget", "The council voted on Wednesday to fund repairs to the harbour wall and the ferry pier.", null),
    ];

    [Fact]
    public void A_term_is_known_once_numbered_and_keeps_its_number()
    {
        var statistics = new TermStatistics();
        Assert.Equal(-1, statistics.KnownId("harbour"));

        var id = statistics.Id("harbour");
        statistics.Id("barrier");

        Assert.Equal(id, statistics.KnownId("harbour"));
        Assert.Equal(id, statistics.Id("harbour"));
        Assert.Equal(-1, statistics.KnownId("ferry"));
    }

    [Fact]
    public void Terms_looked_up_ahead_give_the_profiles_numbering_them_in_turn_gives()
    {
        var options = new ClusteringOptions();
        var plain = new TermStatistics();
        var ahead = new TermStatistics();
        foreach (var item in Items)
        {
            var expected = ArticleProfile.Build(PreparedArticle.Prepare(item, options), plain, count: true);

            // Looked up before the article is counted, as the preparing threads do a chunk ahead: the terms of the
            // articles before are known, this article's new ones are not.
            var prepared = PreparedArticle.Prepare(item, options);
            prepared.Terms.LookUpKnown(ahead);
            Assert.Contains(-1, prepared.Terms.KnownIds!);
            var actual = ArticleProfile.Build(prepared, ahead, count: true);

            Assert.Equal(expected.Combined.Ids, actual.Combined.Ids);
            Assert.Equal(expected.Combined.Weights, actual.Combined.Weights);
            Assert.Equal(expected.Title.Ids, actual.Title.Ids);
            Assert.Equal(expected.Body.Weights, actual.Body.Weights);
        }

        Assert.Equal(plain.TermCount, ahead.TermCount);
        Assert.Equal(plain.TakeChanges(), ahead.TakeChanges());
    }

    /// <summary>Uncounting a document undoes its counts; the decreases are pending like increases, each term once.</summary>
    [Fact]
    public void A_removed_document_is_uncounted_and_saved_as_a_decrease()
    {
        var statistics = new TermStatistics(new Dictionary<string, int>(StringComparer.Ordinal) { ["etna"] = 3, ["ash"] = 1 }, 5);

        statistics.AddDocument(["etna", "lava"]);
        statistics.RemoveDocument(["etna", "lava"]);
        Assert.Equal(5, statistics.DocumentCount);
        Assert.Equal(new Dictionary<string, int> { ["etna"] = 0, ["lava"] = 0 }, statistics.TakeChanges());

        statistics.RemoveDocument(["etna", "ash"]);
        statistics.AddDocument(["etna"]);
        statistics.RemoveDocument(["etna"]);

        Assert.Equal(4, statistics.DocumentCount);
        Assert.Equal(statistics.Idf("ash"), statistics.Idf("never-seen"));
        Assert.Equal(new Dictionary<string, int> { ["etna"] = -1, ["ash"] = -1 }, statistics.TakeChanges());
    }
}

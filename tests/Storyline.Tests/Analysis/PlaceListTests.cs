using Storyline.Analysis.Entities;

namespace Storyline.Tests.Analysis;

/// <summary>The outside place-name list: how it is read, and how the gazetteer finds its names in a sentence.</summary>
public sealed class PlaceListTests
{
    private static Dictionary<ulong, byte> Read(string text) => PlaceList.Read(new StringReader(text));

    private static ulong[] Lowers(params string[] words) => [.. words.Select(w => FeatureHash.Of(w, true))];

    [Fact]
    public void Names_are_hashed_as_the_tagger_tokenises_them_and_the_lowest_class_wins()
    {
        var places = Read("3\tNew York\n1\tGeorgia\n2\tGeorgia\n4\tWinston-Salem\n");

        Assert.Equal(3, places.Count(p => (p.Value & ~Gazetteer.PrefixFlag) != 0));
        Assert.Equal(Gazetteer.PrefixFlag, places[Gazetteer.SequenceHash(Lowers("new"), 0, 1)]);
        Assert.Equal(3, places[Gazetteer.SequenceHash(Lowers("new", "york"), 0, 2)]);
        Assert.Equal(1, places[Gazetteer.SequenceHash(Lowers("GEORGIA"), 0, 1)]);
        Assert.True(places.ContainsKey(Gazetteer.SequenceHash(Lowers("winston-salem"), 0, 1)));
    }

    [Fact]
    public void Malformed_and_over_long_lines_are_skipped()
    {
        var places = Read("x\tNowhere\n9\tNinth\n\n3 Spaceless\n33\tTwo digits\n4\tOne Two Three Four Five Six Seven\n4\t \n4\tLima\n");

        Assert.Equal([Gazetteer.SequenceHash(Lowers("lima"), 0, 1)], places.Keys);
    }

    [Fact]
    public void The_longest_place_name_is_marked_with_its_class_and_positions()
    {
        var gazetteer = new Gazetteer([], [], Read("4\tYork\n3\tNew York City\n2\tOhio\n"));
        var lowers = Lowers("from", "New", "York", "City", "to", "York", "in", "ohio");
        var type = new byte[lowers.Length];
        var position = new byte[lowers.Length];

        gazetteer.MatchPlaces(lowers, type, position);

        Assert.True(gazetteer.HasPlaces);
        Assert.Equal(new byte[] { 0, 3, 3, 3, 0, 4, 0, 2 }, type);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0, 4, 0, 4 }, position);
    }

    [Fact]
    public void Place_features_exist_only_when_the_gazetteer_has_places()
    {
        const string text = "She flew to Lima .";
        (int, int)[] spans = [(0, 3), (4, 4), (9, 2), (12, 4), (17, 1)];
        var without = new Gazetteer([], []);
        var with = new Gazetteer([], [], Read("4\tLima\n"));
        var hashes = new Featurizer.SentenceHashes(8);
        var features = new ulong[Featurizer.PerToken];

        Featurizer.Prepare(text, spans, hashes, without, WordClusters.None);
        var plain = Featurizer.Extract(text, spans, hashes, without, 3, features);
        var plainFeatures = features[..plain];
        Featurizer.Prepare(text, spans, hashes, with, WordClusters.None);
        var more = Featurizer.Extract(text, spans, hashes, with, 3, features);

        Assert.Equal(4, hashes.PlaceType[3]);
        Assert.Equal(plain + 3, more);
        Assert.Equal(plainFeatures, features[..plain]);
    }
}

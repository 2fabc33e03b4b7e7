using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class UrlSlugTests
{
    [Theory]
    [InlineData("http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story", "federal reserve plosser stimulus economy")]
    [InlineData("https://www.livemint.com/Politics/H2EvwJSK2VE6OF7iK1g3PP/Feds-Charles-Plosser-sees-high-bar.html", "Feds Charles Plosser sees high bar")]
    [InlineData("https://example.com/2014/03/10/snow_closes_mountain_roads/", "snow closes mountain roads")]
    public void Slug_words_come_from_hyphenated_segments(string url, string expected) =>
        Assert.Equal(expected, UrlSlug.Words(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("https://example.com/news/2014/article.php?id=12345")]
    [InlineData("https://example.com/a-b")]
    public void Urls_without_a_slug_give_nothing(string? url) => Assert.Equal(string.Empty, UrlSlug.Words(url));

    [Fact]
    public void A_headline_item_is_matched_through_its_slug()
    {
        var options = ClusteringOptions.Default;
        var bare = PreparedArticle.Prepare(new ClusterItem(1, "Fed official speaks", string.Empty, null), options);
        var withUrl = PreparedArticle.Prepare(new ClusterItem(1, "Fed official speaks", string.Empty, null, Url: "https://x.com/b/fed-plosser-taper-weather"), options);
        var withBody = PreparedArticle.Prepare(new ClusterItem(1, "Fed official speaks", "Body text.", null, Url: "https://x.com/b/fed-plosser-taper-weather"), options);

        Assert.DoesNotContain("plosser", bare.TitleCounts.Keys);
        Assert.Contains("plosser", withUrl.TitleCounts.Keys);
        Assert.DoesNotContain("plosser", withBody.TitleCounts.Keys);
    }
}

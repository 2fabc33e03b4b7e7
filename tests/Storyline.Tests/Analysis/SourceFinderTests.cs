using Storyline.Analysis.Sources;

namespace Storyline.Tests.Analysis;

public sealed class SourceFinderTests
{
    [Fact]
    public void Seeds_credit_tass_and_001_the_moscow_times()
    {
        var seed000 = File.ReadAllText(TestPaths.Samples("000_6c0088076a9363ac.txt"));
        var seed001 = File.ReadAllText(TestPaths.Samples("001_189017ad2c526773.txt"));
        Assert.Contains("TASS", SourceFinder.Outlets(seed000));
        Assert.Equal(["TASS", "Moscow Times"], SourceFinder.Outlets(seed001));
        var tass = SourceFinder.Find(seed000).First(s => s.Name == "TASS");
        Assert.Equal("TASS", seed000[tass.Start..tass.End]);
        Assert.Equal("as reported by", tass.Cue);
        Assert.Equal("as reported by", seed000[tass.CueStart..tass.CueEnd]);
    }

    [Theory]
    [InlineData("The minister spoke, as reported by the Russian news agency TASS.", "TASS", "as reported by")]
    [InlineData("Peskov declined to comment, according to the Moscow Times.", "Moscow Times", "according to")]
    [InlineData("A senior official told Reuters on Friday.", "Reuters", "told")]
    [InlineData("The deal is off, Interfax reported.", "Interfax", "reported")]
    [InlineData("He said so, citing the state-run RIA Novosti agency.", "RIA Novosti", "citing")]
    [InlineData("He said so in an interview with The Washington Post.", "Washington Post", "in an interview with")]
    public void Credits_are_found(string text, string name, string cue)
    {
        var source = Assert.Single(SourceFinder.Find(text));
        Assert.Equal(name, source.Name);
        Assert.Equal(cue, source.Cue);
        Assert.Equal(name, text[source.Start..source.End]);
    }

    [Theory]
    [InlineData("According to Novikov, Musk could stay.")]
    [InlineData("Peskov told reporters that it was a domestic issue.")]
    [InlineData("Novikov told the news agency on Friday.")]
    [InlineData("Peskov said the United States would decide.")]
    public void People_and_unnamed_outlets_are_not_sources(string text)
    {
        Assert.Empty(SourceFinder.Find(text));
    }
}
